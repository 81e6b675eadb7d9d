// The case page (opened from the queue or right after intake): header, the allowed actions,
// the materials checklist, the deadline explained, the chief representative's approvals
// (when there are any), the fees (for an item with a fee standard), the applicant's ratings
// and their rectification, the notices and the timeline.
import { Alert, App, Button, Col, Row, Space, Spin } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { api, type IpcError, type LineUpdate } from "../../lib/ipc";
import { newActionKey } from "../../lib/form/actionKey";
import { doneMessageKey, newNotices } from "./actionFeedback";
import { useT } from "../../lib/i18n";
import { errorTitleKey } from "../../lib/format/errors";
import { ApprovalsCard } from "./ApprovalsCard";
import { CaseActions } from "./CaseActions";
import { CaseHeader } from "./CaseHeader";
import { ChecklistCard } from "./ChecklistCard";
import { DeadlineCard } from "./DeadlineCard";
import { FeesCard } from "./FeesCard";
import { NoticesCard } from "./NoticesCard";
import { RatingCard } from "./RatingCard";
import { TimelineCard } from "./TimelineCard";
import { useCaseDetail, type CaseActor } from "./useCaseDetail";

/** Situation names of the item, for the checklist (the case stores only their codes). */
function useSituationNames(itemCode: string | undefined): Record<string, string> {
  const [names, setNames] = useState<{ code: string; map: Record<string, string> } | null>(null);
  useEffect(() => {
    if (!itemCode) return;
    let live = true;
    api.catalogItem({ code: itemCode }).then(
      (d) => {
        if (live) setNames({ code: itemCode, map: Object.fromEntries(d.item.situations.map((s) => [s.code, s.name])) });
      },
      () => {
        // An item gone from the current catalog: the codes are shown instead.
      },
    );
    return () => {
      live = false;
    };
  }, [itemCode]);
  return names && names.code === itemCode ? names.map : {};
}

export function CasePage({ caseId, onBack }: { caseId: string; onBack: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { detail, loadError, act: rawAct, reload } = useCaseDetail(caseId);
  const [error, setError] = useState<IpcError | null>(null);
  const [pendingChecklist, setPendingChecklist] = useState<LineUpdate[] | null>(null);
  const noticesRef = useRef<HTMLDivElement>(null);

  // Every action that went through says so; a new notice is named and its card brought
  // into view, where its 打印 / 另存为 buttons are.
  const act: CaseActor = useCallback(
    async (command, actionKey) => {
      const after = await rawAct(command, actionKey);
      const fresh = newNotices(detail, after);
      const last = fresh[fresh.length - 1];
      const done = t(doneMessageKey(command));
      if (command.type === "issue_correction_notice" && last) {
        void message.success(t("caseDone.correctionIssued", { number: last.number }));
      } else if (last) {
        void message.success(t("caseDone.noticeIssued", { done, number: last.number }));
      } else {
        void message.success(done);
      }
      if (last) {
        setTimeout(() => noticesRef.current?.scrollIntoView?.({ behavior: "smooth", block: "nearest" }), 0);
      }
      return after;
    },
    [rawAct, detail, message, t],
  );

  // Ticks visible on screen are saved before an action that reads them.
  const saveChecklistFirst = useCallback(async () => {
    if (pendingChecklist) await act({ type: "update_checklist", lines: pendingChecklist }, newActionKey());
  }, [act, pendingChecklist]);
  const situationNames = useSituationNames(detail?.case.item.code);

  return (
    <div data-testid="case-page">
      <Button style={{ marginBottom: 12 }} data-testid="case-back" onClick={onBack}>
        {t("case.back")}
      </Button>
      {loadError && (
        <Alert
          type="error"
          showIcon
          message={t(errorTitleKey(loadError.code))}
          description={loadError.message}
        />
      )}
      {!detail && !loadError && <Spin style={{ display: "block", marginTop: 80 }} />}
      {detail && (
        <Space direction="vertical" size="middle" style={{ width: "100%" }}>
          <CaseHeader detail={detail} />
          {error && (
            <Alert
              type="error"
              showIcon
              closable
              onClose={() => setError(null)}
              data-testid="case-error"
              message={t(errorTitleKey(error.code))}
              description={<div style={{ whiteSpace: "pre-wrap" }}>{error.message}</div>}
            />
          )}
          <CaseActions detail={detail} act={act} onError={setError} beforeAct={saveChecklistFirst} />
          <Row gutter={16}>
            <Col xs={24} xxl={16}>
              <Space direction="vertical" size="middle" style={{ width: "100%" }}>
                <ChecklistCard
                  // A new version of the case starts the ticks afresh from what was saved.
                  key={detail.case.version}
                  lines={detail.case.checklist}
                  editable={detail.case.state === "reviewing"}
                  situationNames={situationNames}
                  act={act}
                  onError={setError}
                  onPending={setPendingChecklist}
                />
                <DeadlineCard detail={detail} />
                <ApprovalsCard case={detail.case} />
                <FeesCard case={detail.case} act={act} />
                <RatingCard case={detail.case} act={act} onReload={reload} onError={setError} />
                <div ref={noticesRef}>
                  <NoticesCard detail={detail} act={act} onError={setError} />
                </div>
              </Space>
            </Col>
            <Col xs={24} xxl={8}>
              <TimelineCard events={detail.timeline} />
            </Col>
          </Row>
        </Space>
      )}
    </div>
  );
}
