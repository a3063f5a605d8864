import { CATEGORY_LABEL, LEGAL_FORM_LABEL } from '../../../domain/organization-types';
import { ApiError } from '../api';
import { ProblemAlert } from '../components/ui';
import {
  CheckInput,
  type FormBinding,
  NumberInput,
  PersonFields,
  SelectInput,
  TextInput,
} from './inputs';
import { KnownGaps, type useKnownGaps } from './known-gaps';
import { NameCheck } from './name-check';

/** The steps of the registration form but the documents, each the fields it asks for. */

const FOUNDATION_TYPES = {
  non_public: '非公募基金会',
  local_public: '地方性公募基金会',
  national_public: '全国性公募基金会',
};
const TENURE = { owned: '自有', leased: '租用', free_use: '无偿使用' };

type Gaps = ReturnType<typeof useKnownGaps>;

/** Step 1, 基本信息: form, category, name (checked), purpose, scope, area, domicile. */
export function BasicsStep({ f }: { f: FormBinding }) {
  const { draft } = f;
  return (
    <>
      <div className="grid-2">
        <SelectInput f={f} path="legalForm" label="组织形式" options={LEGAL_FORM_LABEL} required />
        <SelectInput
          f={f}
          path="category"
          label="类别（直接登记的四类）"
          options={CATEGORY_LABEL}
          required
        />
      </div>
      <TextInput f={f} path="name" label="拟用名称" required hint="例如：常州市钟楼区××促进会" />
      <NameCheck name={draft.name} legalForm={draft.legalForm} />
      {draft.legalForm === 'foundation' && (
        <SelectInput f={f} path="foundationType" label="基金会类型" options={FOUNDATION_TYPES} />
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
  );
}

/** Step 2, 联系人与人员: the contact, the legal representative and the founders. */
export function PeopleStep({ f }: { f: FormBinding }) {
  const { draft, errors: shown } = f;
  return (
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
          f.set('founders', [...draft.founders, { name: '', idNumber: '', position: '发起人' }])
        }
      >
        ＋ 添加发起人
      </button>
    </>
  );
}

/** Step 3, 资金、场所与会员, with what the registration standards still find missing there. */
export function MeansStep({ f, gaps }: { f: FormBinding; gaps: Gaps }) {
  const { draft } = f;
  return (
    <>
      <fieldset className="person">
        <legend>{draft.legalForm === 'foundation' ? '原始基金' : '活动资金（开办资金）'}</legend>
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
          <NumberInput f={f} path="premises.areaSquareMeters" label="面积" unit="平方米" required />
          <SelectInput f={f} path="premises.tenure" label="使用方式" options={TENURE} required />
          {draft.premises.tenure !== 'owned' && (
            <NumberInput f={f} path="premises.leaseMonths" label="租用或使用期限" unit="月" />
          )}
        </div>
      </fieldset>
      {draft.legalForm === 'social_group' && (
        <fieldset className="person">
          <legend>会员</legend>
          <div className="grid-3">
            <NumberInput f={f} path="members.individuals" label="个人会员" unit="个" />
            <NumberInput f={f} path="members.units" label="单位会员" unit="个" />
            <NumberInput f={f} path="members.stateOrganUnits" label="其中国家机关" unit="个" />
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
            <NumberInput f={f} path="board.closeRelatives" label="有近亲属关系的理事" unit="人" />
          </div>
        </fieldset>
      )}
      <KnownGaps
        gaps={gaps.filter((g) =>
          ['field:funds', 'field:members', 'field:premises', 'field:board'].includes(g.target),
        )}
        title="按现行登记标准，以下内容尚不符合要求"
      />
    </>
  );
}

/** Step 5, 声明与提交: a summary, the three declarations, the last check, and a refusal. */
export function DeclarationStep({
  f,
  gaps,
  error,
}: {
  f: FormBinding;
  gaps: Gaps;
  error: unknown;
}) {
  const { draft } = f;
  return (
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
      <KnownGaps
        gaps={gaps.filter((g) => g.target !== 'field:declarations')}
        title="提交前检查：以下内容不符合登记要求，提交后会收到补正通知，建议先修改"
        ok="提交前检查：系统已知的登记条件均已满足。"
      />
      <ProblemAlert error={error instanceof ApiError && error.errors.length === 0 ? error : null} />
    </>
  );
}
