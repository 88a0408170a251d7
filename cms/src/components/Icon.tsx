import React from 'react'

/** The nav mark: the 善 character in the court's red seal style. */
export const Icon = () => (
  <span
    aria-label="湖西县人民法院"
    style={{
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: '1.75rem',
      height: '1.75rem',
      borderRadius: '4px',
      background: '#b3261e',
      color: '#fff',
      fontWeight: 700,
    }}
  >
    善
  </span>
)
