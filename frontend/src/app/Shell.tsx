// The app shell: header with catalog version, window, logged-in user and (on a PC enrolled
// with the county) the sync badge; left menu, and the selected page. A case opened from the
// queue, a conflict, the first-inquiry register, a handover sheet, the cash report or the
// 电子监察 board (or just taken in) replaces the page until the clerk goes back.
// F2 anywhere opens a fresh intake form.
import { Alert, Layout, Menu, Spin, Typography } from "antd";
import { useCallback, useState } from "react";
import { useT } from "../lib/i18n";
import { ApprovalsPage } from "../features/approvals/ApprovalsPage";
import { CasePage } from "../features/case/CasePage";
import { CashReportPage } from "../features/cash/CashReportPage";
import { CatalogPage } from "../features/catalog/CatalogPage";
import { DashboardPage } from "../features/dashboard/DashboardPage";
import { HandoverPage } from "../features/handover/HandoverPage";
import { InquiryPage } from "../features/inquiry/InquiryPage";
import { TODAY_VIEW, type RegisterView } from "../features/inquiry/useRegister";
import { IntakePage } from "../features/intake/IntakePage";
import { LedgerPage } from "../features/ledger/LedgerPage";
import { QueuePage } from "../features/queue/QueuePage";
import { NO_FILTERS, type Filters } from "../features/queue/QueueFilters";
import { SettingsPage } from "../features/settings/SettingsPage";
import { SupervisionPage } from "../features/supervision/SupervisionPage";
import { useSession } from "../features/session/context";
import { UserBadge } from "../features/session/UserBadge";
import { ConflictsPage } from "../features/sync/ConflictsPage";
import { NeedsUpdateAlert } from "../features/sync/NeedsUpdateAlert";
import { SyncStatusBar } from "../features/sync/SyncStatusBar";
import { WelcomePage } from "../features/welcome/WelcomePage";
import { useWorkstation } from "../features/workstation/context";
import { DEFAULT_NAV, NEEDS_CATALOG, isNavKey, visibleNav, type NavKey } from "./nav";
import { useCatalogStatus } from "./useCatalogStatus";
import { useHotkey } from "./useHotkey";

const { Header, Sider, Content } = Layout;

export function Shell() {
  const t = useT();
  const [nav, setNav] = useState<NavKey>(DEFAULT_NAV);
  const [openCase, setOpenCase] = useState<string | null>(null);
  // Bumped to remount the intake form empty (F2 always means a new applicant).
  const [intakeRun, setIntakeRun] = useState(0);
  // The queue's filters and search outlive a visit to a case (back returns to the same list).
  const [queueFilters, setQueueFilters] = useState<Filters>(NO_FILTERS);
  // Likewise the first-inquiry register's day and clerk (back from a case shows the same day).
  const [inquiryView, setInquiryView] = useState<RegisterView>(TODAY_VIEW);
  const { status, error, refresh } = useCatalogStatus();
  const workstation = useWorkstation();
  const { enrolled } = useSession();
  const current = status?.current ?? null;
  const profile = workstation.info?.profile ?? null;

  const go = (key: NavKey) => {
    setOpenCase(null);
    setNav(key);
  };
  const newIntake = useCallback(() => {
    setOpenCase(null);
    setNav("intake");
    setIntakeRun((n) => n + 1);
  }, []);
  useHotkey("F2", newIntake);

  const renderPage = () => {
    if (NEEDS_CATALOG.has(nav)) {
      if (status === undefined) {
        return error ? null : <Spin style={{ display: "block", marginTop: 80 }} />;
      }
      if (current === null) {
        return (
          <WelcomePage
            onLoaded={async () => {
              await refresh();
              await workstation.refresh();
              go("queue");
            }}
          />
        );
      }
    }
    const version = current?.version ?? "";
    if (openCase !== null) {
      return <CasePage key={openCase} caseId={openCase} onBack={() => setOpenCase(null)} />;
    }
    switch (nav) {
      case "queue":
        return (
          <QueuePage
            catalogVersion={version}
            onOpenCase={setOpenCase}
            filters={queueFilters}
            onFiltersChange={setQueueFilters}
            onNewIntake={newIntake}
            onGoSettings={() => go("settings")}
          />
        );
      case "intake":
        return (
          <IntakePage
            key={intakeRun}
            catalogVersion={version}
            onCreated={(id) => {
              // Back from the new case leads to the queue, where it now is.
              setNav("queue");
              setOpenCase(id);
            }}
            onGoSettings={() => go("settings")}
          />
        );
      case "inquiry":
        return (
          <InquiryPage
            catalogVersion={version}
            onOpenCase={setOpenCase}
            view={inquiryView}
            onViewChange={setInquiryView}
            onGoSettings={() => go("settings")}
          />
        );
      case "catalog":
        return <CatalogPage catalogVersion={version} />;
      case "approvals":
        return <ApprovalsPage onOpenCase={setOpenCase} onGoSettings={() => go("settings")} />;
      case "handover":
        return <HandoverPage onOpenCase={setOpenCase} />;
      case "cash":
        return <CashReportPage onOpenCase={setOpenCase} onGoSettings={() => go("settings")} />;
      case "conflicts":
        return <ConflictsPage onOpenCase={setOpenCase} />;
      case "settings":
        return <SettingsPage status={status} onCatalogChanged={refresh} />;
      case "ledger":
        return <LedgerPage onGoSettings={() => go("settings")} />;
      case "supervision":
        return <SupervisionPage onOpenCase={setOpenCase} onGoSettings={() => go("settings")} />;
      case "dashboard":
        return <DashboardPage onGoSettings={() => go("settings")} />;
    }
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          flexWrap: "wrap",
          gap: 16,
          paddingInline: 24,
          height: "auto",
          minHeight: 64,
          lineHeight: "normal",
          paddingBlock: 8,
        }}
      >
        <Typography.Title level={4} style={{ color: "#fff", margin: 0 }} data-testid="app-title">
          {t("app.title")}
        </Typography.Title>
        <span
          style={{
            color: "rgba(255,255,255,0.85)",
            display: "flex",
            alignItems: "center",
            flexWrap: "wrap",
            gap: 16,
          }}
        >
          <SyncStatusBar onOpenConflicts={() => go("conflicts")} />
          {profile && (
            <span data-testid="header-window">
              {/* Once enrolled, whoever logs in acts; the profile's clerk is not shown. */}
              {enrolled
                ? profile.window_name || profile.window_code
                : t("app.windowBadge", {
                    window: profile.window_name || profile.window_code,
                    clerk: profile.clerk_name,
                  })}
            </span>
          )}
          <UserBadge onGoHandover={() => go("handover")} />
          <span data-testid="header-catalog">
            {current
              ? t("app.catalogBadge", { version: current.version, region: current.region_name })
              : status
                ? t("app.noCatalog")
                : ""}
          </span>
        </span>
      </Header>
      <Layout>
        <Sider width={180} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[nav]}
            style={{ height: "100%", borderInlineEnd: 0 }}
            items={visibleNav(enrolled).map((item) => ({
              key: item.key,
              label: <span data-testid={`nav-${item.key}`}>{t(item.label)}</span>,
            }))}
            onClick={({ key }) => {
              if (key === "intake") newIntake();
              else if (isNavKey(key)) go(key);
            }}
          />
        </Sider>
        <Content style={{ padding: 24, overflow: "auto" }}>
          <NeedsUpdateAlert />
          {error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="status-error"
              message={t("app.statusError")}
              description={<div style={{ whiteSpace: "pre-wrap" }}>{error.message}</div>}
            />
          )}
          {renderPage()}
        </Content>
      </Layout>
    </Layout>
  );
}
