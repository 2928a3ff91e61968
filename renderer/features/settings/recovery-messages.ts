/** UI text of the notice shown once after a damaged settings file was recovered. */
export const settingsRecoveryEn = {
  'settings.recovery.title': 'Your settings file was damaged',
  'settings.recovery.problem.not-json':
    'When Campaign Desk started, its settings file was cut short or unreadable.',
  'settings.recovery.problem.not-settings':
    'When Campaign Desk started, its settings file held something that is not Campaign Desk settings.',
  'settings.recovery.problem.missing': 'When Campaign Desk started, its settings file was missing.',
  'settings.recovery.restored.backup':
    'It started from the last good copy, which Campaign Desk keeps after every change, so your accounts and preferences are as you left them.',
  'settings.recovery.restored.nothing':
    'No good copy was left, so it started with empty settings. Add your accounts again.',
  'settings.recovery.keptAs': 'The damaged file was kept, unchanged, as {file} in the data folder.',
  'settings.recovery.dismiss': 'OK',
  'settings.recovery.dismissFailed': 'The notice could not be closed: {message}',
} as const;

/** The same text in Simplified Chinese. */
export const settingsRecoveryZh: Readonly<Record<keyof typeof settingsRecoveryEn, string>> = {
  'settings.recovery.title': '设置文件已损坏',
  'settings.recovery.problem.not-json': 'Campaign Desk 启动时，发现设置文件不完整或无法读取。',
  'settings.recovery.problem.not-settings':
    'Campaign Desk 启动时，发现设置文件中的内容不是 Campaign Desk 的设置。',
  'settings.recovery.problem.missing': 'Campaign Desk 启动时，发现设置文件丢失。',
  'settings.recovery.restored.backup':
    '它已从上一份完好的副本启动（Campaign Desk 在每次更改后都会保存该副本），因此您的账户和偏好设置保持原样。',
  'settings.recovery.restored.nothing':
    '没有可用的完好副本，因此以空白设置启动。请重新添加您的账户。',
  'settings.recovery.keptAs': '损坏的文件已原样保留，文件名为数据文件夹中的 {file}。',
  'settings.recovery.dismiss': '知道了',
  'settings.recovery.dismissFailed': '无法关闭此通知：{message}',
};
