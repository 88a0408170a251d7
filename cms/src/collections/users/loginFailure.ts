// One answer for every failed login: wrong e-mail, wrong password or an account locked after too
// many attempts. Payload's own "this user is locked" would tell an attacker the account exists.
const zhMessage = '邮箱或密码不正确。连续多次输错后账号会被暂时锁定，请稍后再试或联系管理员。'
const enMessage = 'The email or password is incorrect. After repeated failures the account is locked for a while; try again later or ask an administrator.'

export const loginFailureTranslations = {
  zh: { error: { emailOrPasswordIncorrect: zhMessage, userLocked: zhMessage } },
  en: { error: { emailOrPasswordIncorrect: enMessage, userLocked: enMessage } },
}
