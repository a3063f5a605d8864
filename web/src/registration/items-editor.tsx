import { useState } from 'react';
import type { DeficiencyItem } from '../../../domain/registration/completeness';
import { DOCUMENT_LABEL } from '../../../domain/registration/documents';
import { LEGAL_BASIS } from '../../../domain/registration/grounds';
import { Field } from '../components/ui';

/**
 * The items of a deficiency notice or a return: what the system's check found (each may be
 * unticked), and items the reviewer adds, each with what the applicant should do.
 */
const TARGETS: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(DOCUMENT_LABEL).map(([k, v]) => [`document:${k}`, `材料：${v}`]),
  ),
  'field:name': '名称',
  'field:purpose': '宗旨',
  'field:businessScope': '业务范围',
  'field:domicile': '住所',
  'field:funds': '资金',
  'field:premises': '场所',
  'field:members': '会员',
  'field:legalRepresentative': '法定代表人',
  'field:founders': '发起人',
  'field:declarations': '声明',
};

export function ItemsEditor({
  suggested,
  value,
  onChange,
}: {
  suggested: DeficiencyItem[];
  value: DeficiencyItem[];
  onChange: (items: DeficiencyItem[]) => void;
}) {
  const [target, setTarget] = useState('document:charter_draft');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const has = (i: DeficiencyItem) => value.some((x) => x.code === i.code && x.target === i.target);
  const extra = value.filter(
    (x) => !suggested.some((s) => s.code === x.code && s.target === x.target),
  );
  return (
    <div className="items-editor">
      {suggested.length > 0 && <p className="muted">系统核查发现的问题（可取消勾选）：</p>}
      {[...suggested, ...extra].map((i) => (
        <label key={`${i.code}-${i.target}`} className="check item-check">
          <input
            type="checkbox"
            checked={has(i)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? [...value, i]
                  : value.filter((x) => !(x.code === i.code && x.target === i.target)),
              )
            }
          />
          <span className="item-text">
            <strong>{i.title}</strong>
            <small>{i.description}</small>
          </span>
        </label>
      ))}
      <fieldset className="person">
        <legend>添加一项</legend>
        <div className="grid-2">
          <Field label="涉及内容">
            {(id) => (
              <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
                {Object.entries(TARGETS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="问题">
            {(id) => <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} />}
          </Field>
        </div>
        <Field label="需要申请人怎样补正">
          {(id) => (
            <textarea
              id={id}
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={!title.trim() || !description.trim()}
          onClick={() => {
            onChange([
              ...value,
              {
                code: `MANUAL_${value.length + 1}`,
                target,
                title: title.trim(),
                description: description.trim(),
                legalBasis: LEGAL_BASIS.intakeNotice,
              },
            ]);
            setTitle('');
            setDescription('');
          }}
        >
          添加此项
        </button>
      </fieldset>
    </div>
  );
}
