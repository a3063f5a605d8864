import {
  CATALOGUE_CLASSES,
  cataloguePath,
  UNDERTAKER_TYPES,
} from '../../../domain/purchase/catalogue';
import { useState } from 'react';
import { ActionButton, type ActionField, type ActionValues } from '../components/action-dialog';
import { ExportLinks, usePagedList } from '../components/pager';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import type { CatalogueItem } from './types';

const FIELDS = (i?: CatalogueItem): ActionField[] => [
  {
    name: 'code',
    label: '目录编码',
    hint: '一级.二级.三级，如 01.03.002',
    required: true,
    initial: i?.code,
  },
  {
    name: 'catalogueClass',
    label: '一级目录',
    kind: 'select',
    options: Object.entries(CATALOGUE_CLASSES),
    initial: i?.catalogueClass ?? 'basic_public',
  },
  { name: 'level2', label: '二级目录', required: true, initial: i?.level2 },
  { name: 'level3', label: '三级目录（服务事项）', required: true, initial: i?.level3 },
  { name: 'department', label: '主管部门', required: true, initial: i?.department ?? '区民政局' },
  {
    name: 'serviceStandard',
    label: '服务标准',
    kind: 'textarea',
    required: true,
    initial: i?.serviceStandard,
  },
  { name: 'unit', label: '计量单位', required: true, initial: i?.unit },
  {
    name: 'priceBasis',
    label: '价格依据',
    kind: 'textarea',
    required: true,
    initial: i?.priceBasis,
  },
  {
    name: 'undertakerTypes',
    label: '承接主体类型',
    kind: 'multi',
    options: Object.entries(UNDERTAKER_TYPES),
    required: true,
    initial: i?.undertakerTypes.join(',') ?? 'social_organization',
  },
  {
    name: 'suitable',
    label: '适宜由社会组织承接',
    kind: 'checkbox',
    initial: i ? String(i.suitableForSocialOrganizations) : 'true',
  },
];

const toBody = (v: ActionValues) => ({
  code: v.code,
  catalogueClass: v.catalogueClass,
  level2: v.level2,
  level3: v.level3,
  department: v.department,
  serviceStandard: v.serviceStandard,
  unit: v.unit,
  priceBasis: v.priceBasis,
  undertakerTypes: (v.undertakerTypes ?? '').split(',').filter(Boolean),
  suitableForSocialOrganizations: v.suitable === 'true',
});

/** The administrator's guiding catalogue (指导性目录): list, add, revise (a new version), retire. */
export function CataloguePage() {
  const [typed, setTyped] = useState('');
  const [f, setF] = useState({ q: '', status: '' });
  const filters = new URLSearchParams(Object.entries(f).filter(([, v]) => v)).toString();
  const { data, error, reload, pager } = usePagedList<CatalogueItem>(
    '/api/purchase-catalogue',
    filters,
    50,
  );
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">购买服务指导性目录</h1>
        <ActionButton
          label="新增目录事项"
          tone="primary"
          path="/api/purchase-catalogue"
          fields={FIELDS()}
          body={toBody}
          onDone={reload}
        />
      </div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setF((x) => ({ ...x, q: typed.trim() }));
        }}
      >
        <input
          aria-label="编码或名称"
          placeholder="编码或名称"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <select
          aria-label="状态"
          value={f.status}
          onChange={(e) => setF((x) => ({ ...x, status: e.target.value }))}
        >
          <option value="">全部状态</option>
          <option value="active">现行</option>
          <option value="retired">已停用</option>
        </select>
        <button type="submit" className="btn btn-secondary">
          查询
        </button>
        <ExportLinks path="/api/purchase-catalogue/export" filters={filters} />
      </form>
      <ProblemAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.items.length === 0 ? (
        <Card>
          <Empty>目录中还没有事项。</Empty>
        </Card>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>编码</th>
                <th>事项</th>
                <th>版本</th>
                <th>状态</th>
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.id}>
                  <td data-label="编码" className="mono">
                    {i.code}
                  </td>
                  <td data-label="事项">
                    <div>
                      {cataloguePath(i)}
                      <small className="muted block">{i.serviceStandard}</small>
                      <small className="muted block">
                        承接主体：{i.undertakerTypes.map((t) => UNDERTAKER_TYPES[t]).join('、')}
                      </small>
                    </div>
                  </td>
                  <td data-label="版本">第{i.version}版</td>
                  <td data-label="状态">
                    <div>
                      <Badge tone={i.status === 'active' ? 'ok' : 'muted'}>
                        {i.status === 'active' ? '现行' : '已停用'}
                      </Badge>
                      {i.retiredReason && <small className="muted block">{i.retiredReason}</small>}
                    </div>
                  </td>
                  <td data-label="操作">
                    {i.status === 'active' && (
                      <div className="action-buttons">
                        <ActionButton
                          label="修订"
                          path={`/api/purchase-catalogue/${i.id}/revise`}
                          fields={FIELDS(i)}
                          body={toBody}
                          onDone={reload}
                        />
                        <ActionButton
                          label="停用"
                          tone="danger"
                          path={`/api/purchase-catalogue/${i.id}/retire`}
                          fields={[
                            { name: 'reason', label: '停用理由', kind: 'textarea', required: true },
                          ]}
                          onDone={reload}
                        />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {pager}
        </div>
      )}
    </div>
  );
}
