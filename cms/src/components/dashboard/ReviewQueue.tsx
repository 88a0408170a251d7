// Dashboard widget: the signed-in person's 审签 queue (待我审核 / 待我签发 / 被退回).
import Link from 'next/link'
import type { ServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { formatDateTime } from '../../dates'
import { gradeLabels, stateLabels } from '../../workflow/states'
import { loadReviewQueue, type QueueItem, type QueueSection } from './reviewQueue'
import './dashboard.css'

const baseClass = 'liushan-widget'

const emptyText: Record<QueueSection['key'], string> = {
  review: '没有等待审核的稿件。',
  sign: '没有等待签发的稿件。',
  returned: '没有被退回的稿件。',
  mine: '您还没有录入稿件。',
}

function ItemRow({ item, href, section }: { item: QueueItem; href: string; section: QueueSection['key'] }) {
  const returned = section === 'returned'
  return (
    <tr>
      <td data-label="类型">{item.collectionLabel}</td>
      <td data-label="标题" className={`${baseClass}__item-title`}>
        <Link href={href}>{item.title}</Link>
        {item.grade !== 'normal' && <span className={`${baseClass}__badge ${baseClass}__badge--${item.grade}`}>{gradeLabels[item.grade]}</span>}
      </td>
      {returned ? (
        <td data-label="退回意见" className={`${baseClass}__comment`}>
          {item.comment ?? '—'}
          {item.returnedBy && <span className={`${baseClass}__muted`}>（{item.returnedBy}）</span>}
        </td>
      ) : (
        <td data-label="状态">{stateLabels[item.state]}</td>
      )}
      {section === 'mine' && <td data-label="等待">{item.waitsFor}</td>}
      <td data-label="更新时间" className={`${baseClass}__time`}>{formatDateTime(item.updatedAt)}</td>
    </tr>
  )
}

export async function ReviewQueue({ payload, user }: ServerProps) {
  if (!user) return null
  const sections = await loadReviewQueue(payload, user)
  if (!sections.length) return null
  const adminRoute = payload.config.routes.admin
  const editURL = (item: QueueItem) => formatAdminURL({ adminRoute, path: `/collections/${item.collection}/${item.id}`, relative: true })

  return (
    <section className={baseClass} aria-labelledby="review-queue-heading">
      <h2 id="review-queue-heading" className={`${baseClass}__title`}>
        我的审签待办
      </h2>
      <div className={`${baseClass}__counts`}>
        {sections.map((section) => (
          <a key={section.key} href={`#queue-${section.key}`} className={`${baseClass}__count${section.total ? ` ${baseClass}__count--due` : ''}`}>
            <span>{section.title}</span>
            <strong>{section.total}</strong>
          </a>
        ))}
      </div>
      {sections.map((section) => (
        <section key={section.key} id={`queue-${section.key}`} aria-labelledby={`queue-${section.key}-heading`}>
          <h3 id={`queue-${section.key}-heading`} className={`${baseClass}__subtitle`}>
            {section.title}（{section.total}）
          </h3>
          {section.items.length === 0 ? (
            <p className={`${baseClass}__muted`}>{emptyText[section.key]}</p>
          ) : (
            <div className={`${baseClass}__scroll`}>
              <table className={`${baseClass}__table ${baseClass}__table--cards`}>
                <thead>
                  <tr>
                    <th scope="col">类型</th>
                    <th scope="col">标题</th>
                    <th scope="col">{section.key === 'returned' ? '退回意见（退回人）' : '状态'}</th>
                    {section.key === 'mine' && <th scope="col">等待</th>}
                    <th scope="col">更新时间</th>
                  </tr>
                </thead>
                <tbody>
                  {section.items.map((item) => (
                    <ItemRow key={`${item.collection}-${item.id}`} item={item} href={editURL(item)} section={section.key} />
                  ))}
                </tbody>
              </table>
              {section.total > section.items.length && (
                <p className={`${baseClass}__muted`}>
                  {section.key === 'mine' ? `仅列出最近的 ${section.items.length} 篇` : `仅列出等待最久的 ${section.items.length} 篇`}，共 {section.total} 篇。
                </p>
              )}
            </div>
          )}
        </section>
      ))}
    </section>
  )
}
