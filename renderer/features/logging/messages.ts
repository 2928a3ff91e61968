/** UI text of the notice shown when the log file cannot be written. */
export const logNoticeEn = {
  'log.notice.title': 'The log file cannot be written',
  'log.notice.reason.disk-full': 'The disk that holds Campaign Desk’s data folder is full.',
  'log.notice.reason.read-only':
    'Campaign Desk’s data folder cannot be written: it is read-only, or its permissions changed.',
  'log.notice.reason.other': 'The system refused to write to the log file.',
  'log.notice.effect':
    'Campaign Desk keeps working, but until it restarts its log goes only to the terminal it was started from, so problems cannot be looked into later. Free some space or fix the folder, then restart Campaign Desk.',
  'log.notice.dismiss': 'OK',
  'log.notice.dismissFailed': 'The notice could not be closed: {message}',
} as const;

/** The same text in Simplified Chinese. */
export const logNoticeZh: Readonly<Record<keyof typeof logNoticeEn, string>> = {
  'log.notice.title': '无法写入日志文件',
  'log.notice.reason.disk-full': '存放 Campaign Desk 数据文件夹的磁盘已满。',
  'log.notice.reason.read-only':
    'Campaign Desk 的数据文件夹无法写入：它是只读的，或其权限已被更改。',
  'log.notice.reason.other': '系统拒绝写入日志文件。',
  'log.notice.effect':
    'Campaign Desk 仍可继续使用，但在重新启动之前，日志只会输出到启动它的终端，之后将无法据此排查问题。请释放磁盘空间或修复该文件夹，然后重新启动 Campaign Desk。',
  'log.notice.dismiss': '知道了',
  'log.notice.dismissFailed': '无法关闭此通知：{message}',
};
