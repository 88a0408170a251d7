// Every wording of Payload's admin we change, in one place: stock strings left in English or
// awkward in Payload's Chinese, and the login answer that must not reveal who has an account.
// Merged over Payload's own translations (payload.config.ts → i18n.translations).
import { loginFailureTranslations } from './collections/users/loginFailure'

export const zhTranslations = {
  ...loginFailureTranslations.zh,
  error: {
    ...loginFailureTranslations.zh.error,
    followingFieldsInvalid_one: '请先填写或修改这个字段：',
    followingFieldsInvalid_other: '请先填写或修改这些字段：',
    correctInvalidFields: '有字段需要修改，请看标红处。',
    unknown: '出现了未知错误，请重试；如一再出现，请联系管理员。',
  },
  general: {
    noLabel: '（未填写{{label}}）',
    payloadSettings: '后台设置',
    successfullyCreated: '已创建{{label}}。',
    successfullyDuplicated: '已复制{{label}}。',
    updatedSuccessfully: '已保存。',
    submissionSuccessful: '已保存。',
    submitting: '正在保存…',
    documentLocked: '稿件正在被他人编辑',
    currentlyEditing: '正在编辑这篇稿件。如果您接管，对方将不能继续编辑，其未保存的修改可能丢失。',
    editedSince: '开始编辑于',
    isEditing: '正在编辑',
    takeOver: '接管编辑',
    goBack: '返回',
    viewReadOnly: '只读查看',
    creatingNewLabel: '正在新建{{label}}',
    lastModified: '最后修改',
    created: '创建于',
    noResults: '没有找到{{label}}。可能还没有录入，或不符合上面的筛选条件。',
    untitled: '未命名',
  },
  version: {
    draftSavedSuccessfully: '草稿已保存。',
    autosavedSuccessfully: '已自动保存。',
    publishChanges: '发布',
    unpublish: '撤下',
    unpublishedSuccessfully: '已撤下。',
    scheduledSuccessfully: '已设置定时发布。',
    noFurtherVersionsFound: '没有更早的版本',
  },
}

export const translations = { zh: zhTranslations, en: loginFailureTranslations.en }
