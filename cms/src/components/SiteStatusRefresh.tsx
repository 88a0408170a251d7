'use client'
// While a build runs (or waits to), re-render the dashboard's server components every few
// seconds so 站点状态 moves from 构建中 to 已更新 without the staff reloading the page.
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

export function SiteStatusRefresh({ everyMs = 3000 }: { everyMs?: number }) {
  const router = useRouter()
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs)
    return () => clearInterval(timer)
  }, [router, everyMs])
  return null
}
