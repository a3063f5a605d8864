import { type FormEvent, useState } from 'react';
import { ZPublicComplaintRequest } from '../../../domain/evaluation/requests';
import { api } from '../api';
import { Card, Empty, Field, Loading, Notice, ProblemAlert, TextAreaField } from '../components/ui';
import { formatDate } from '../format';
import { useFormState } from '../forms/use-form-state';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { formErrors } from './form-errors';
import { levelLabel } from './labels';
import type { PublicResults } from './types';

type Subject = { fileId: string; label: string } | { organizationId: string; label: string };

/**
 * 举报 without an account (§4.5 rule 8: complaints may come from anyone): pick a result under
 * publicity or a grade in force, state the facts, and leave a phone number or an e-mail address
 * so the office can verify and answer. Checked in the browser by the API's own schema.
 */
export function PublicComplaintPage() {
  const results = useLoad(
    () => api.get<PublicResults>('/api/public/evaluation/results'),
    'public-evaluation-results',
  );
  const [subject, setSubject] = useState<Subject | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="public-page">
      <header className="public-head">
        <h1 className="page-title">社会组织评估举报</h1>
        <p className="muted">
          任何单位和个人均可对公示中的评估结果或组织持有的评估等级提出举报，无需登录。
          评估办公室核实后，属实的提交复核委员会裁定，处理结果按您留下的联系方式告知。
          举报人信息予以保密。 <Link to="/">工作人员登录</Link>
        </p>
      </header>
      {done ? (
        <Notice tone="ok">{done}</Notice>
      ) : subject ? (
        <ComplaintForm subject={subject} onBack={() => setSubject(null)} onDone={setDone} />
      ) : (
        <>
          <ProblemAlert error={results.error} />
          {!results.data ? (
            !results.error && <Loading />
          ) : (
            <SubjectTables results={results.data} onPick={setSubject} />
          )}
        </>
      )}
    </div>
  );
}

function SubjectTables({
  results,
  onPick,
}: {
  results: PublicResults;
  onPick: (s: Subject) => void;
}) {
  return (
    <>
      <Card title="公示中的评估结果">
        {results.publicity.length === 0 ? (
          <Empty>目前没有公示中的评估结果。</Empty>
        ) : (
          <ul className="work-list">
            {results.publicity.map((p) => (
              <li key={p.fileId} className="work-item">
                <span className="work-task">
                  {p.organizationName ?? '—'} · {p.campaignTitle} · 拟评定{levelLabel(p.level)}
                </span>
                <button
                  type="button"
                  className="btn btn-danger-outline"
                  onClick={() =>
                    onPick({ fileId: p.fileId, label: `${p.organizationName ?? ''}的评估结果` })
                  }
                >
                  举报
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="有效评估等级">
        {results.grades.length === 0 ? (
          <Empty>目前没有持有有效评估等级的组织。</Empty>
        ) : (
          <ul className="work-list">
            {results.grades.map((g) => (
              <li key={g.organizationId} className="work-item">
                <span className="work-task">
                  {g.organizationName ?? '—'} · {levelLabel(g.level)} · 有效期至{' '}
                  {formatDate(g.expiresOn)}
                </span>
                <button
                  type="button"
                  className="btn btn-danger-outline"
                  onClick={() =>
                    onPick({
                      organizationId: g.organizationId,
                      label: `${g.organizationName ?? ''}的评估等级`,
                    })
                  }
                >
                  举报
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

interface ComplaintValues {
  name: string;
  phone: string;
  email: string;
  content: string;
}

/** The complaint as the API takes it: the subject, the facts, and how to reach the person. */
function complaintBody(subject: Subject, v: ComplaintValues) {
  const { label: _l, ...target } = subject;
  return {
    ...target,
    content: v.content,
    contact: {
      name: v.name,
      ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
      ...(v.email.trim() ? { email: v.email.trim() } : {}),
    },
  };
}

/** Who complains and how to answer them: a name, and a phone number or an e-mail address. */
function ContactFields({
  v,
  set,
  errors,
}: {
  v: ComplaintValues;
  set: (k: keyof ComplaintValues) => (x: string) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <Field label="举报人姓名" required error={errors['contact.name']}>
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            autoComplete="name"
            value={v.name}
            onChange={(e) => set('name')(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="联系电话"
        error={errors['contact.phone']}
        hint="手机号码或带区号的固定电话；联系电话和电子邮箱至少填写一项。"
      >
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            type="tel"
            autoComplete="tel"
            value={v.phone}
            onChange={(e) => set('phone')(e.target.value)}
          />
        )}
      </Field>
      <Field label="电子邮箱" error={errors['contact.email']} hint="处理结果将发送到此邮箱。">
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            type="email"
            autoComplete="email"
            value={v.email}
            onChange={(e) => set('email')(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

function ComplaintForm({
  subject,
  onBack,
  onDone,
}: {
  subject: Subject;
  onBack: () => void;
  onDone: (message: string) => void;
}) {
  const [v, setV] = useState<ComplaintValues>({ name: '', phone: '', email: '', content: '' });
  const form = useFormState();
  const { busy, problem, errors } = form;
  const set = (k: keyof ComplaintValues) => (x: string) => setV((o) => ({ ...o, [k]: x }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = complaintBody(subject, v);
    const errs = formErrors(ZPublicComplaintRequest.safeParse(body));
    if (!form.check(errs)) return;
    const r = await form.submit(() =>
      api.post<{ message: string }>('/api/public/evaluation/complaints', body),
    );
    if (r) onDone(r.message);
  }

  return (
    <Card title={`举报：${subject.label}`}>
      <form onSubmit={submit} noValidate>
        <TextAreaField
          label="举报的事实和理由"
          required
          error={errors.content}
          hint="请写明具体事实（时间、地点、涉及的材料或活动）和依据。"
          rows={5}
          maxLength={5000}
          value={v.content}
          onChange={set('content')}
        />
        <ContactFields v={v} set={set} errors={errors} />
        <ProblemAlert error={problem} fieldsShown />
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={onBack}>
            返回
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? '正在提交…' : '提交举报'}
          </button>
        </div>
      </form>
    </Card>
  );
}
