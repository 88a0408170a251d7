export const outletLevels = [
  { label: '国家级', value: 'national' },
  { label: '省级', value: 'provincial' },
  { label: '市级', value: 'municipal' },
  { label: '县级', value: 'county' },
  { label: '系统内', value: 'internal' },
] as const
export type OutletLevel = (typeof outletLevels)[number]['value']
