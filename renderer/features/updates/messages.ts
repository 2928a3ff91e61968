/** UI text of the auto-update notice in the shell. */
export const updatesEn = {
  'updates.ready.title': 'A new version is ready',
  'updates.ready.body':
    'Campaign Desk {version} has been downloaded and its signature verified. Restart to update: it takes a moment, and your drafts, lists and queued submissions are kept.',
  'updates.ready.restart': 'Restart to update',
  'updates.installing': 'Restarting to install Campaign Desk {version}…',
  'updates.installFailed': 'The update could not be started: {message}',
  'updates.refused.title': 'An update was refused',
  'updates.refused.dismiss': 'OK',
} as const;

/** The same text in Simplified Chinese. */
export const updatesZh: Readonly<Record<keyof typeof updatesEn, string>> = {
  'updates.ready.title': '新版本已准备就绪',
  'updates.ready.body':
    'Campaign Desk {version} 已下载，其签名已通过验证。重新启动即可完成更新，只需片刻；您的草稿、名单和待发送的提交都会保留。',
  'updates.ready.restart': '重新启动以更新',
  'updates.installing': '正在重新启动以安装 Campaign Desk {version}…',
  'updates.installFailed': '无法开始更新：{message}',
  'updates.refused.title': '已拒绝一个更新',
  'updates.refused.dismiss': '知道了',
};
