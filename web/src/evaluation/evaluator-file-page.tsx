import { type FormEvent, useRef, useState } from 'react';
import { api, decisionKeys } from '../api';
import { Badge, Card, Field, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDate } from '../format';
import { useFormState } from '../forms/use-form-state';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { EvidenceLinks } from './evidence-links';
import { FILE_STATUS, fileRef } from './labels';
import { ScoreSheet } from './score-sheet';
import type { FileDetail, FileView } from './types';

/**
 * One file as its evaluator sees it: first the declaration on conflicts of interest (the API
 * opens no material before it), then the organisation's self-assessment and the score sheet.
 */
export function EvaluatorFilePage({ id }: { id: string }) {
  const { account } = useSession();
  const { data, error, reload } = useLoad(
    () => api.get<FileDetail>(`/api/evaluation/files/${id}`),
    `evaluation-file-${id}`,
  );
  const [declaredConflict, setDeclaredConflict] = useState(false);
  const back = (
    <Link to="/evaluation" className="crumb">
      ← 分配给我的评估事项
    </Link>
  );
  if (declaredConflict)
    return (
      <div>
        {back}
        <h1 className="page-title">评估事项 {fileRef(data ?? { id })}</h1>
        <Notice tone="info">
          您已声明存在需要回避的情形，本事项将改派其他评估专家，您不再查阅其材料。
        </Notice>
      </div>
    );
  if (!data) return error ? <ProblemAlert error={error} /> : <Loading />;
  const seat = data.view?.evaluators.find((e) => e.id === account?.id);
  const status = FILE_STATUS[data.status];
  return (
    <div>
      {back}
      <div className="page-head">
        <h1 className="page-title">
          {data.organizationName ?? '评估事项'} {fileRef(data)}
        </h1>
        <Badge tone={status?.tone ?? 'muted'}>{status?.label ?? data.status}</Badge>
      </div>
      {seat?.status === 'assigned' || !data.materials ? (
        <ConflictDeclaration
          id={id}
          onDeclared={(v) => {
            const mine = v.evaluators.find((e) => e.id === account?.id);
            if (mine?.status === 'cleared') reload();
            else setDeclaredConflict(true);
          }}
        />
      ) : (
        <>
          <Card title="申报材料">
            <dl className="summary">
              <div className="summary-row">
                <dt>申报日期</dt>
                <dd>{formatDate(data.appliedAt)}</dd>
              </div>
              <div className="summary-row">
                <dt>自评得分</dt>
                <dd>{data.materials.selfScore} 分</dd>
              </div>
              <div className="summary-row">
                <dt>证明材料</dt>
                <dd>
                  <EvidenceLinks ids={data.materials.evidenceFileIds} />
                </dd>
              </div>
            </dl>
            <h3 className="side-title">自评报告</h3>
            <p className="self-assessment">{data.materials.selfAssessment}</p>
          </Card>
          <ScoreSheet fileId={id} onSubmitted={reload} />
        </>
      )}
    </div>
  );
}

function ConflictDeclaration({
  id,
  onDeclared,
}: {
  id: string;
  onDeclared: (v: FileView) => void;
}) {
  const [choice, setChoice] = useState<'none' | 'conflict' | null>(null);
  const [note, setNote] = useState('');
  const form = useFormState();
  const { busy, problem, errors } = form;
  const keys = useRef(decisionKeys());

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!choice) errs.choice = '请选择有无需要回避的情形';
    if (choice === 'conflict' && !note.trim()) errs.note = '请写明需要回避的理由';
    if (!form.check(errs)) return;
    const declaration = {
      hasConflict: choice === 'conflict',
      ...(choice === 'conflict' ? { note: note.trim() } : {}),
    };
    const v = await form.submit(() =>
      api.post<FileView>(
        `/api/evaluation/files/${id}/declare-conflict`,
        declaration,
        keys.current(declaration),
      ),
    );
    if (v) onDeclared(v);
  }

  return (
    <Card title="利益冲突声明">
      <p>
        查阅申报材料之前，请声明您与被评估组织之间有无需要回避的情形（如在该组织任职、担任顾问，
        离开该组织未满两年，或与其负责人有近亲属关系）。
      </p>
      <form onSubmit={submit} noValidate>
        <fieldset className={`declaration ${errors.choice ? 'field-invalid' : ''}`}>
          <legend className="visually-hidden">有无需要回避的情形</legend>
          <label className="check">
            <input
              type="radio"
              name="conflict"
              checked={choice === 'none'}
              onChange={() => setChoice('none')}
            />{' '}
            本人与该组织不存在需要回避的情形
          </label>
          <label className="check">
            <input
              type="radio"
              name="conflict"
              checked={choice === 'conflict'}
              onChange={() => setChoice('conflict')}
            />{' '}
            本人存在需要回避的情形，申请回避
          </label>
          {errors.choice && <small className="error">{errors.choice}</small>}
        </fieldset>
        {choice === 'conflict' && (
          <Field label="回避理由" required error={errors.note}>
            {(fid, described) => (
              <textarea
                id={fid}
                rows={3}
                value={note}
                maxLength={2000}
                aria-describedby={described}
                onChange={(e) => setNote(e.target.value)}
              />
            )}
          </Field>
        )}
        <ProblemAlert error={problem} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            提交声明
          </button>
        </div>
      </form>
    </Card>
  );
}
