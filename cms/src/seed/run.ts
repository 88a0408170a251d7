// `npm run seed`: loads the demo content into the configured database (see README).
import config from '@payload-config'
import { getPayload } from 'payload'

import { demoUsers } from './users'
import { seed } from './index'

const payload = await getPayload({ config })
const started = Date.now()
const { created, password } = await seed(payload, (message) => console.log(`[演示数据] ${message}`))

const summary = Object.entries(created).map(([collection, n]) => `${collection} ${n}`).join('，')
console.log(`[演示数据] 完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）：${summary || '无新增，数据已是最新'}`)
if (password) {
  const shown = process.env.SEED_PASSWORD ? '环境变量 SEED_PASSWORD 的值' : password
  console.log('[演示数据] 演示账号（密码只显示这一次，请妥善保存）：')
  for (const user of demoUsers) console.log(`  ${user.name.padEnd(8)} ${user.email}  密码：${shown}`)
}
await payload.destroy()
process.exit(0)
