import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, decisionKeys } from '../api';
import { Card, Loading, Notice, ProblemAlert } from '../components/ui';
import { useFormState } from '../forms/use-form-state';
import { navigate } from '../router';
import { useSession } from '../session';
import type { RegistrationDetail, RegistrationSummary } from '../types';
import { DocumentsStep } from './documents-step';
import { type Draft, emptyDraft, normalize, setIn, validate } from './draft';
import type { FormBinding } from './inputs';
import { useKnownGaps } from './known-gaps';
import { NoticeItems } from './notice-items';
import { BasicsStep, DeclarationStep, MeansStep, PeopleStep } from './registration-steps';

/** The three declarations must be made before filing (they are conditions, not formalities). */
function unticked(d: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['noDeprivationOfPoliticalRights', 'fullCivilCapacity', 'truthful'] as const)
    if (!d.declarations[k]) out[`declarations.${k}`] = '请勾选此项声明，否则不能提交';
  return out;
}

function loadDraft(key: string): Draft | null {
  try {
    const saved = localStorage.getItem(key);
    return saved ? { ...emptyDraft(), ...(JSON.parse(saved) as Draft) } : null;
  } catch {
    return null; // a damaged draft is no draft
  }
}

const STEPS = [
  {
    title: '基本信息',
    fields: [
      'name',
      'category',
      'legalForm',
      'purpose',
      'businessScope',
      'activityArea',
      'domicile',
      'foundationType',
      'needsPriorPermit',
    ],
  },
  {
    title: '联系人与人员',
    fields: ['contact', 'legalRepresentative', 'founders', 'responsiblePersons'],
  },
  { title: '资金、场所与会员', fields: ['funds', 'premises', 'members', 'board'] },
  { title: '申请材料', fields: ['documents'] },
  { title: '声明与提交', fields: ['declarations'] },
] as const;

const stepOf = (path: string) =>
  Math.max(
    0,
    STEPS.findIndex((s) => (s.fields as readonly string[]).includes(path.split('.')[0] ?? '')),
  );

const onlyStep = (errors: Record<string, string>, step: number) =>
  Object.fromEntries(Object.entries(errors).filter(([p]) => stepOf(p) === step));

/** The application's fields are named without their `application.` prefix in the form. */
const APPLICATION_PREFIX = ['body.application.'];

/** 新建 (new) or 补正 (correction / founding) of one registration, in five steps. */
export function RegistrationFormPage({
  id,
  mode,
}: {
  id?: string;
  mode: 'new' | 'resubmit' | 'founding';
}) {
  const { account } = useSession();
  // A new application survives a reload: the draft is kept in this browser until it is filed.
  const draftKey = `mzf-registration-draft-${account?.id ?? ''}`;
  const [restored, setRestored] = useState(() => mode === 'new' && loadDraft(draftKey) !== null);
  const [draft, setDraft] = useState<Draft | null>(() =>
    mode === 'new' ? (loadDraft(draftKey) ?? emptyDraft()) : null,
  );
  const [detail, setDetail] = useState<RegistrationDetail | null>(null);
  const [step, setStep] = useState(0);
  // A refusal naming fields goes back to the step of the first.
  const toFirst = useCallback(
    (errors: Record<string, string>) => setStep(stepOf(Object.keys(errors)[0] as string)),
    [],
  );
  const form = useFormState({ prefixes: APPLICATION_PREFIX, onFieldErrors: toFirst });
  const { busy, errors: shown, submit: run } = form;
  const error = form.problem;
  const keys = useRef(decisionKeys());
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const gaps = useKnownGaps(draft);

  useEffect(() => {
    if (mode === 'new' && draft) localStorage.setItem(draftKey, JSON.stringify(draft));
  }, [mode, draft, draftKey]);

  useEffect(() => {
    if (mode === 'new' || !id) return;
    void run(() => api.get<RegistrationDetail>(`/api/registrations/${id}`)).then((d) => {
      if (!d) return;
      setDetail(d);
      setDraft({ ...emptyDraft(), ...(d.application as Draft) });
    });
  }, [id, mode, run]);

  if (mode === 'new' && account?.organizationRegistered)
    return (
      <div className="narrow">
        <h1 className="page-title">新建成立登记申请</h1>
        <Notice tone="info">
          贵组织已经依法登记，不能再申请成立登记。变更、年检等事项请与登记管理机关联系。
        </Notice>
      </div>
    );
  if (!draft) return error ? <ProblemAlert error={error} /> : <Loading />;

  const f: FormBinding = {
    draft,
    errors: shown,
    set: (path, value) => {
      setDraft((d) => (d ? setIn(d, path, value) : d));
      form.clearField(path);
    },
  };

  const next = () => {
    if (form.check(onlyStep(validate(draft), step))) {
      setStep(step + 1);
      window.scrollTo(0, 0);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Enter in a field of an earlier step means "next", never "file".
    if (step < STEPS.length - 1) return next();
    const errs = { ...validate(draft), ...unticked(draft) };
    if (!form.check(errs)) {
      setStep(stepOf(Object.keys(errs)[0] as string));
      return;
    }
    const application = normalize(draft);
    const filed = await form.submit(async () => {
      if (mode !== 'new') {
        await api.post(
          `/api/registrations/${id}/${mode === 'founding' ? 'founding' : 'resubmit'}`,
          { application },
          keys.current({ application }),
        );
        return id as string;
      }
      const r = await api.post<RegistrationSummary>('/api/registrations', application, {
        'Idempotency-Key': idempotencyKey,
      });
      localStorage.removeItem(draftKey);
      return r.id;
    });
    if (filed) navigate(`/registrations/${filed}`);
  };

  const notice = detail?.view?.notices.at(-1);
  const title = {
    new: '新建成立登记申请',
    resubmit: '补正材料并重新提交',
    founding: '申请成立登记',
  }[mode];

  return (
    <div className="narrow">
      <h1 className="page-title">{title}</h1>
      {detail && (
        <p className="muted">
          {detail.registration.name} · 申请编号 {detail.registration.applicationNo}
        </p>
      )}
      {mode === 'resubmit' && notice && (
        <Card title="需要补正的内容" className="card-warn">
          <NoticeItems items={notice.items} />
        </Card>
      )}
      {restored && (
        <Notice tone="info">
          已恢复您上次未提交的草稿。
          <button
            type="button"
            className="link-btn"
            onClick={() => {
              setDraft(emptyDraft());
              setStep(0);
              form.reset();
              setRestored(false);
            }}
          >
            放弃草稿，重新填写
          </button>
        </Notice>
      )}
      <ol className="stepper" aria-label="填写步骤">
        {STEPS.map((s, i) => (
          <li key={s.title} className={i === step ? 'current' : i < step ? 'done' : undefined}>
            <button type="button" onClick={() => i < step && setStep(i)} disabled={i > step}>
              <span className="step-no">{i + 1}</span>
              <span className="step-title">{s.title}</span>
            </button>
          </li>
        ))}
      </ol>
      <form onSubmit={submit} noValidate>
        <Card title={`第${step + 1}步：${STEPS[step]?.title}`}>
          {Object.keys(shown).length > 0 && (
            <Notice tone="warn">
              有 {Object.keys(shown).length} 处需要修改，请查看标红的内容。
            </Notice>
          )}
          {step === 0 && <BasicsStep f={f} />}
          {step === 1 && <PeopleStep f={f} />}
          {step === 2 && <MeansStep f={f} gaps={gaps} />}
          {step === 3 && <DocumentsStep f={f} />}
          {step === 4 && <DeclarationStep f={f} gaps={gaps} error={error} />}
          <div className="form-actions">
            {step > 0 && (
              <button type="button" className="btn btn-secondary" onClick={() => setStep(step - 1)}>
                上一步
              </button>
            )}
            {step < STEPS.length - 1 ? (
              <button key="next" type="button" className="btn btn-primary" onClick={next}>
                下一步
              </button>
            ) : (
              <button key="submit" type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? '正在提交…' : mode === 'new' ? '提交申请' : '重新提交'}
              </button>
            )}
          </div>
        </Card>
      </form>
    </div>
  );
}
