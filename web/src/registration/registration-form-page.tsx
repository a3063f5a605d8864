import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../../domain/organization-types';
import { ApiError, api, decisionKeys, fieldErrors } from '../api';
import { Card, Loading, Notice, ProblemAlert } from '../components/ui';
import { navigate } from '../router';
import { useSession } from '../session';
import type { RegistrationDetail, RegistrationSummary } from '../types';
import { DocumentsStep } from './documents-step';
import { type Draft, emptyDraft, normalize, setIn, validate } from './draft';
import {
  CheckInput,
  type FormBinding,
  NumberInput,
  PersonFields,
  SelectInput,
  TextInput,
} from './inputs';
import { NameCheck } from './name-check';
import { NoticeItems } from './notice-items';

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

const FOUNDATION_TYPES = {
  non_public: '非公募基金会',
  local_public: '地方性公募基金会',
  national_public: '全国性公募基金会',
};
const TENURE = { owned: '自有', leased: '租用', free_use: '无偿使用' };

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
  const [shown, setShown] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const keys = useRef(decisionKeys());
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  useEffect(() => {
    if (mode === 'new' && draft) localStorage.setItem(draftKey, JSON.stringify(draft));
  }, [mode, draft, draftKey]);

  useEffect(() => {
    if (mode === 'new' || !id) return;
    api
      .get<RegistrationDetail>(`/api/registrations/${id}`)
      .then((d) => {
        setDetail(d);
        setDraft({ ...emptyDraft(), ...(d.application as Draft) });
      })
      .catch(setError);
  }, [id, mode]);

  if (!draft) return error ? <ProblemAlert error={error} /> : <Loading />;

  const f: FormBinding = {
    draft,
    errors: shown,
    set: (path, value) => {
      setDraft((d) => (d ? setIn(d, path, value) : d));
      setShown((s) => {
        const { [path]: _, ...rest } = s;
        return rest;
      });
    },
  };

  const next = () => {
    const errs = onlyStep(validate(draft), step);
    setShown(errs);
    if (Object.keys(errs).length === 0) {
      setStep(step + 1);
      window.scrollTo(0, 0);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Enter in a field of an earlier step means "next", never "file".
    if (step < STEPS.length - 1) return next();
    const errs = validate(draft);
    if (Object.keys(errs).length > 0) {
      setShown(errs);
      setStep(stepOf(Object.keys(errs)[0] as string));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const application = normalize(draft);
      if (mode === 'new') {
        const r = await api.post<RegistrationSummary>('/api/registrations', application, {
          'Idempotency-Key': idempotencyKey,
        });
        localStorage.removeItem(draftKey);
        navigate(`/registrations/${r.id}`);
      } else {
        await api.post(
          `/api/registrations/${id}/${mode === 'founding' ? 'founding' : 'resubmit'}`,
          { application },
          keys.current({ application }),
        );
        navigate(`/registrations/${id}`);
      }
    } catch (err) {
      setError(err);
      const byField = fieldErrors(err, ['body.application.', 'body.']);
      if (Object.keys(byField).length > 0) {
        setShown(byField);
        setStep(stepOf(Object.keys(byField)[0] as string));
      }
    } finally {
      setBusy(false);
    }
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
              setShown({});
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
          {step === 0 && (
            <>
              <div className="grid-2">
                <SelectInput
                  f={f}
                  path="legalForm"
                  label="组织形式"
                  options={LEGAL_FORM_LABEL}
                  required
                />
                <SelectInput
                  f={f}
                  path="category"
                  label="类别（直接登记的四类）"
                  options={CATEGORY_LABEL}
                  required
                />
              </div>
              <TextInput
                f={f}
                path="name"
                label="拟用名称"
                required
                hint="例如：常州市钟楼区××促进会"
              />
              <NameCheck name={draft.name} legalForm={draft.legalForm} />
              {draft.legalForm === 'foundation' && (
                <SelectInput
                  f={f}
                  path="foundationType"
                  label="基金会类型"
                  options={FOUNDATION_TYPES}
                />
              )}
              <TextInput f={f} path="purpose" label="宗旨" required multiline />
              <TextInput f={f} path="businessScope" label="业务范围" required multiline />
              <div className="grid-2">
                <TextInput f={f} path="activityArea" label="活动地域" required />
                <TextInput f={f} path="domicile" label="住所" required />
              </div>
              <CheckInput
                f={f}
                path="needsPriorPermit"
                label="业务范围中有法律、行政法规规定须经批准的事项（需前置审批）"
              />
            </>
          )}
          {step === 1 && (
            <>
              <fieldset className="person">
                <legend>联系人</legend>
                <div className="grid-3">
                  <TextInput f={f} path="contact.name" label="姓名" required />
                  <TextInput f={f} path="contact.phone" label="电话" type="tel" required />
                  <TextInput f={f} path="contact.email" label="电子邮箱" type="email" required />
                </div>
              </fieldset>
              <PersonFields f={f} path="legalRepresentative" title="拟任法定代表人" />
              {draft.founders.map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a founder being typed has no identity but its place.
                <div key={`founder-${i}`}>
                  <PersonFields f={f} path={`founders.${i}`} title={`发起人（举办者）${i + 1}`} />
                  {draft.founders.length > 1 && (
                    <button
                      type="button"
                      className="link-btn"
                      onClick={() =>
                        f.set(
                          'founders',
                          draft.founders.filter((_, j) => j !== i),
                        )
                      }
                    >
                      删除发起人{i + 1}
                    </button>
                  )}
                </div>
              ))}
              {shown.founders && <p className="error">{shown.founders}</p>}
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                onClick={() =>
                  f.set('founders', [
                    ...draft.founders,
                    { name: '', idNumber: '', position: '发起人' },
                  ])
                }
              >
                ＋ 添加发起人
              </button>
            </>
          )}
          {step === 2 && (
            <>
              <fieldset className="person">
                <legend>
                  {draft.legalForm === 'foundation' ? '原始基金' : '活动资金（开办资金）'}
                </legend>
                <div className="grid-2">
                  <NumberInput f={f} path="funds.amount" label="金额" unit="元" required />
                  <TextInput f={f} path="funds.source" label="资金来源" required />
                </div>
                <CheckInput f={f} path="funds.inCash" label="为到账货币资金" />
              </fieldset>
              <fieldset className="person">
                <legend>办公场所</legend>
                <TextInput f={f} path="premises.address" label="地址" required />
                <div className="grid-3">
                  <NumberInput
                    f={f}
                    path="premises.areaSquareMeters"
                    label="面积"
                    unit="平方米"
                    required
                  />
                  <SelectInput
                    f={f}
                    path="premises.tenure"
                    label="使用方式"
                    options={TENURE}
                    required
                  />
                  {draft.premises.tenure !== 'owned' && (
                    <NumberInput
                      f={f}
                      path="premises.leaseMonths"
                      label="租用或使用期限"
                      unit="月"
                    />
                  )}
                </div>
              </fieldset>
              {draft.legalForm === 'social_group' && (
                <fieldset className="person">
                  <legend>会员</legend>
                  <div className="grid-3">
                    <NumberInput f={f} path="members.individuals" label="个人会员" unit="个" />
                    <NumberInput f={f} path="members.units" label="单位会员" unit="个" />
                    <NumberInput
                      f={f}
                      path="members.stateOrganUnits"
                      label="其中国家机关"
                      unit="个"
                    />
                  </div>
                </fieldset>
              )}
              {draft.legalForm === 'foundation' && (
                <fieldset className="person">
                  <legend>理事会</legend>
                  <div className="grid-3">
                    <NumberInput f={f} path="board.directors" label="理事人数" unit="人" />
                    <NumberInput
                      f={f}
                      path="board.paidDirectors"
                      label="在基金会领取报酬的理事"
                      unit="人"
                    />
                    <NumberInput
                      f={f}
                      path="board.closeRelatives"
                      label="有近亲属关系的理事"
                      unit="人"
                    />
                  </div>
                </fieldset>
              )}
            </>
          )}
          {step === 3 && <DocumentsStep f={f} />}
          {step === 4 && (
            <>
              <dl className="summary">
                <dt>拟用名称</dt>
                <dd>{draft.name}</dd>
                <dt>组织形式与类别</dt>
                <dd>
                  {LEGAL_FORM_LABEL[draft.legalForm]} · {CATEGORY_LABEL[draft.category]}
                </dd>
                <dt>法定代表人</dt>
                <dd>{draft.legalRepresentative.name}</dd>
                <dt>材料</dt>
                <dd>{draft.documents.length} 份</dd>
              </dl>
              <CheckInput
                f={f}
                path="declarations.noDeprivationOfPoliticalRights"
                label="发起人、拟任负责人未受过剥夺政治权利的刑事处罚"
              />
              <CheckInput
                f={f}
                path="declarations.fullCivilCapacity"
                label="发起人、拟任负责人具有完全民事行为能力"
              />
              <CheckInput
                f={f}
                path="declarations.truthful"
                label="本组织承诺所提交的材料真实、合法、有效"
              />
              <ProblemAlert
                error={error instanceof ApiError && error.errors.length === 0 ? error : null}
              />
            </>
          )}
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
