/** UI text of "Copy diagnostics" in About. */
export const diagnosticsEn = {
  'about.diagnostics.title': 'Diagnostics for support',
  'about.diagnostics.body':
    'When you contact support, send this report with your message. It holds the app and system versions, your settings without any keys or passwords, the database check, and the last 50 lines of the log with secrets masked. It is written in English so that support can read it.',
  'about.diagnostics.copy': 'Copy diagnostics',
  'about.diagnostics.collecting': 'Collecting diagnostics…',
  'about.diagnostics.copied': 'Copied. Paste it into your message to support.',
  'about.diagnostics.copyFailed':
    'The report could not be put on the clipboard. Select the text below and copy it (Ctrl+C, or ⌘C on a Mac).',
  'about.diagnostics.failed': 'The diagnostics could not be collected: {message}',
  'about.diagnostics.text': 'Diagnostics report',
} as const;

/** The same text in Simplified Chinese. */
export const diagnosticsZh: Readonly<Record<keyof typeof diagnosticsEn, string>> = {
  'about.diagnostics.title': '技术支持诊断信息',
  'about.diagnostics.body':
    '联系技术支持时，请随消息一并发送此报告。报告包含应用和系统版本、不含任何密钥或密码的设置、数据库检查结果，以及日志的最后 50 行（其中的机密信息已被遮盖）。报告以英文生成，以便技术支持阅读。',
  'about.diagnostics.copy': '复制诊断信息',
  'about.diagnostics.collecting': '正在收集诊断信息…',
  'about.diagnostics.copied': '已复制。请将其粘贴到发给技术支持的消息中。',
  'about.diagnostics.copyFailed':
    '无法将报告放入剪贴板。请选中下方文本并复制（Ctrl+C，Mac 上为 ⌘C）。',
  'about.diagnostics.failed': '无法收集诊断信息：{message}',
  'about.diagnostics.text': '诊断报告',
};
