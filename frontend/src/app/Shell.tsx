// The app shell: header with catalog version, left menu, and the selected page.
import { Alert, Layout, Menu, Spin, Typography } from "antd";
import { useState } from "react";
import { useT } from "../lib/i18n";
import { CatalogPage } from "../features/catalog/CatalogPage";
import { SettingsPage } from "../features/settings/SettingsPage";
import { WelcomePage } from "../features/welcome/WelcomePage";
import { DEFAULT_NAV, NAV_ITEMS, isNavKey, type NavKey } from "./nav";
import { UnderConstruction } from "./UnderConstruction";
import { useCatalogStatus } from "./useCatalogStatus";

const { Header, Sider, Content } = Layout;

export function Shell() {
  const t = useT();
  const [nav, setNav] = useState<NavKey>(DEFAULT_NAV);
  const { status, error, refresh } = useCatalogStatus();
  const current = status?.current ?? null;

  const renderPage = () => {
    switch (nav) {
      case "catalog":
        if (status === undefined) {
          return error ? null : <Spin style={{ display: "block", marginTop: 80 }} />;
        }
        if (current === null) {
          return (
            <WelcomePage
              onLoaded={async () => {
                await refresh();
                setNav("catalog");
              }}
            />
          );
        }
        return <CatalogPage catalogVersion={current.version} />;
      case "settings":
        return <SettingsPage status={status} onCatalogChanged={refresh} />;
      default:
        return <UnderConstruction page={nav} />;
    }
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 16,
          paddingInline: 24,
        }}
      >
        <Typography.Title level={4} style={{ color: "#fff", margin: 0 }} data-testid="app-title">
          {t("app.title")}
        </Typography.Title>
        <span style={{ color: "rgba(255,255,255,0.85)" }} data-testid="header-catalog">
          {current
            ? t("app.catalogBadge", { version: current.version, region: current.region_name })
            : status
              ? t("app.noCatalog")
              : ""}
        </span>
      </Header>
      <Layout>
        <Sider width={180} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[nav]}
            style={{ height: "100%", borderInlineEnd: 0 }}
            items={NAV_ITEMS.map((item) => ({
              key: item.key,
              label: <span data-testid={`nav-${item.key}`}>{t(item.label)}</span>,
            }))}
            onClick={({ key }) => {
              if (isNavKey(key)) setNav(key);
            }}
          />
        </Sider>
        <Content style={{ padding: 24, overflow: "auto" }}>
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
