import { WorkflowNotices as WorkflowNotices_2966b2279c286bac6d911657fd3bd00a } from '../../../components/workflow/WorkflowNotices'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SignoffTrail as SignoffTrail_78f3b92a99e73953101eb3da3aa7225d } from '../../../components/SignoffTrail'
import { ImportFromWord as ImportFromWord_205e8dddd9742bf24eee2831745a0ed3 } from '../../../wordImport/ImportFromWord'
import { PackageButton as PackageButton_8ade4289ca5bb3d09aba88598242b6b7 } from '../../../components/PackageButton'
import { WechatButton as WechatButton_5b9c1014314ee054698e67449502618c } from '../../../wechatExport/WechatButton'
import { NoButton as NoButton_7f8f4f43782254a14e3e51ff6323c59b } from '../../../components/workflow/WorkflowActions'
import { WorkflowActions as WorkflowActions_7f8f4f43782254a14e3e51ff6323c59b } from '../../../components/workflow/WorkflowActions'
import { WorkflowStatus as WorkflowStatus_f39b1d2859ba3fa716ba55c332ef6cfe } from '../../../components/workflow/WorkflowStatus'
import { Icon as Icon_a02a4abfb5c9da17149cbadc8057c129 } from '../../../components/Icon'
import { Logo as Logo_919492c8e60179286a0f183c0a5b652e } from '../../../components/Logo'
import { ReviewQueue as ReviewQueue_f14a7dd3936d1ddfa6451dacba870c19 } from '../../../components/dashboard/ReviewQueue'
import { Freshness as Freshness_6b72f15e58275ead6448485f003474c1 } from '../../../components/dashboard/Freshness'
import { SiteStatus as SiteStatus_b554d51c40ca051cb980537ecf50af1c } from '../../../components/SiteStatus'
import { OutsideMediaStats as OutsideMediaStats_93d1feccb34386ec472f87beffaa5715 } from '../../../components/dashboard/OutsideMediaStats'
import { LockDialogWording as LockDialogWording_3aaf3e1cce667bb0073ef16ac37ab2fe } from '../../../components/LockDialogWording'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/workflow/WorkflowNotices#WorkflowNotices": WorkflowNotices_2966b2279c286bac6d911657fd3bd00a,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/SignoffTrail#SignoffTrail": SignoffTrail_78f3b92a99e73953101eb3da3aa7225d,
  "/wordImport/ImportFromWord#ImportFromWord": ImportFromWord_205e8dddd9742bf24eee2831745a0ed3,
  "/components/PackageButton#PackageButton": PackageButton_8ade4289ca5bb3d09aba88598242b6b7,
  "/wechatExport/WechatButton#WechatButton": WechatButton_5b9c1014314ee054698e67449502618c,
  "/components/workflow/WorkflowActions#NoButton": NoButton_7f8f4f43782254a14e3e51ff6323c59b,
  "/components/workflow/WorkflowActions#WorkflowActions": WorkflowActions_7f8f4f43782254a14e3e51ff6323c59b,
  "/components/workflow/WorkflowStatus#WorkflowStatus": WorkflowStatus_f39b1d2859ba3fa716ba55c332ef6cfe,
  "/components/Icon#Icon": Icon_a02a4abfb5c9da17149cbadc8057c129,
  "/components/Logo#Logo": Logo_919492c8e60179286a0f183c0a5b652e,
  "/components/dashboard/ReviewQueue#ReviewQueue": ReviewQueue_f14a7dd3936d1ddfa6451dacba870c19,
  "/components/dashboard/Freshness#Freshness": Freshness_6b72f15e58275ead6448485f003474c1,
  "/components/SiteStatus#SiteStatus": SiteStatus_b554d51c40ca051cb980537ecf50af1c,
  "/components/dashboard/OutsideMediaStats#OutsideMediaStats": OutsideMediaStats_93d1feccb34386ec472f87beffaa5715,
  "/components/LockDialogWording#LockDialogWording": LockDialogWording_3aaf3e1cce667bb0073ef16ac37ab2fe,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
