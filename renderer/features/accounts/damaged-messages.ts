/**
 * UI text of damaged account entries and their repair (English is the reference; the Chinese
 * catalogue below must have the same keys and placeholders).
 */
export const damagedAccountsEn = {
  'accounts.damaged.badge': 'Damaged',
  'accounts.damaged.unnamed': 'Account without a name',
  'accounts.damaged.explain':
    'Campaign Desk cannot use this account as it is stored: it was saved by another version of Campaign Desk, or edited by hand. Nothing was deleted. Repair it, or remove it.',
  'accounts.damaged.secretKept':
    'Its secret stays in the keychain until you repair the account (the secret is kept) or remove it (the secret is deleted).',
  'accounts.damaged.problems': 'What is wrong',
  'accounts.damaged.problem.missing': '{field}: missing.',
  'accounts.damaged.problem.too-long': '{field}: longer than {max} characters.',
  'accounts.damaged.problem.invalid': '{field}: not in a form Campaign Desk accepts.',
  'accounts.damaged.problem.unknown-vendor': '{field}: a vendor this version does not know.',
  'accounts.damaged.problem.unexpected':
    '{field}: holds settings this version does not know (perhaps saved by a newer version).',
  'accounts.damaged.problem.duplicate': '{field}: the same as another account’s.',
  'accounts.damaged.problem.not-an-account': '{field}: not an account at all.',
  'accounts.damaged.field.entry': 'The stored entry',
  'accounts.damaged.field.id': 'Account id',
  'accounts.damaged.field.connection': 'Connection settings',
  'accounts.damaged.field.allowUnencrypted': 'Unencrypted connection',
  'accounts.damaged.field.details': 'Stored details (dates, last test)',
  'accounts.damaged.repair': 'Repair',
  'accounts.damaged.remove': 'Remove',
  'accounts.damaged.remove.title': 'Remove this damaged account?',
  'accounts.damaged.remove.body':
    'The stored entry is deleted, and its secret is deleted from the keychain. Tasks already sent to the vendor are not affected.',
  'accounts.damaged.remove.confirm': 'Remove entry',
  'accounts.repair.title': 'Repair “{name}”',
  'accounts.repair.intro':
    'The fields are filled in as they were stored. Correct the highlighted ones and save: the repaired account replaces the damaged entry.',
  'accounts.repair.secretHint':
    'Leave empty to keep the secret already in the keychain, or type a new one to replace it.',
} as const;

/** The same text in Simplified Chinese. */
export const damagedAccountsZh: Readonly<Record<keyof typeof damagedAccountsEn, string>> = {
  'accounts.damaged.badge': '已损坏',
  'accounts.damaged.unnamed': '无名称的账户',
  'accounts.damaged.explain':
    'Campaign Desk 无法按当前保存的内容使用此账户：它由其他版本的 Campaign Desk 保存，或被手动编辑过。没有删除任何内容。请修复或删除它。',
  'accounts.damaged.secretKept':
    '它的密钥会保留在钥匙串中，直到您修复该账户（保留密钥）或删除它（删除密钥）。',
  'accounts.damaged.problems': '问题所在',
  'accounts.damaged.problem.missing': '{field}：缺失。',
  'accounts.damaged.problem.too-long': '{field}：超过 {max} 个字符。',
  'accounts.damaged.problem.invalid': '{field}：格式不被 Campaign Desk 接受。',
  'accounts.damaged.problem.unknown-vendor': '{field}：此版本不认识该服务商。',
  'accounts.damaged.problem.unexpected':
    '{field}：包含此版本不认识的设置（可能由更新的版本保存）。',
  'accounts.damaged.problem.duplicate': '{field}：与另一个账户相同。',
  'accounts.damaged.problem.not-an-account': '{field}：根本不是账户。',
  'accounts.damaged.field.entry': '保存的条目',
  'accounts.damaged.field.id': '账户 ID',
  'accounts.damaged.field.connection': '连接设置',
  'accounts.damaged.field.allowUnencrypted': '未加密连接',
  'accounts.damaged.field.details': '保存的详细信息（日期、上次测试）',
  'accounts.damaged.repair': '修复',
  'accounts.damaged.remove': '删除',
  'accounts.damaged.remove.title': '删除这个已损坏的账户？',
  'accounts.damaged.remove.body':
    '保存的条目将被删除，其密钥也会从钥匙串中删除。已提交给服务商的任务不受影响。',
  'accounts.damaged.remove.confirm': '删除条目',
  'accounts.repair.title': '修复“{name}”',
  'accounts.repair.intro':
    '各字段已按保存时的内容填写。请更正标出的字段并保存：修复后的账户将替换已损坏的条目。',
  'accounts.repair.secretHint': '留空则保留钥匙串中已有的密钥，输入新密钥则替换它。',
};
