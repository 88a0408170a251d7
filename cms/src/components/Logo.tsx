import React from 'react'

/** The login-screen mark: the court's name and the system's name, no image to load. */
export const Logo = () => (
  <div style={{ textAlign: 'center', lineHeight: 1.5 }}>
    <div style={{ fontSize: '2rem', fontWeight: 700, color: '#b3261e', letterSpacing: '0.1em' }}>湖西县人民法院</div>
    <div style={{ fontSize: '1.125rem', marginTop: '0.25rem' }}>“六善”宣传平台 · 内容管理</div>
  </div>
)
