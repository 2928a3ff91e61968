/** UI text of the database recovery screen (English is the reference; Chinese must match). */
export const storageEn = {
  'storage.checking': 'Checking the database…',
  'storage.title': 'The database is damaged',
  'storage.found.unreadable':
    'Campaign Desk cannot read its database file: the beginning of the file (its header) is damaged. Your lists, drafts and submission history are in that file, so none of them can be shown.',
  'storage.found.damaged':
    'A check of the database found damage ({problems} problems) in: {areas}. Some of that data may be missing or wrong.',
  'storage.found.damagedSomewhere':
    'A check of the database found damage. Some of your data may be missing or wrong.',
  'storage.area.lists': 'imported lists',
  'storage.area.drafts': 'drafts',
  'storage.area.submissions': 'submissions and the audit trail',
  'storage.area.tasks': 'task history',
  'storage.area.other': 'other app data',
  'storage.areaSeparator': ', ',
  'storage.kept':
    'Whatever you choose, the damaged file is kept in the data folder as {name}. Nothing is deleted.',
  'storage.restoreFailed':
    'The last restore could not be carried out: the backup could not be copied. The damaged file was left as it was. Try another backup.',
  'storage.backups.title': 'Restore a backup',
  'storage.backups.about':
    'Campaign Desk backs up the database once a day and keeps the last 7. Changes made after a backup was taken are not in it.',
  'storage.backups.none':
    'There is no backup yet. Campaign Desk takes the first one on the first day it starts with a sound database.',
  'storage.backups.label': 'Backups',
  'storage.backups.item': '{date} · {size} MB',
  'storage.backups.newest': 'newest',
  'storage.restore': 'Restore the backup of {date}',
  'storage.startEmpty': 'Start with an empty database',
  'storage.startEmpty.title': 'Start with an empty database?',
  'storage.startEmpty.body':
    'Campaign Desk will start without your lists, drafts and submission history. The damaged file is kept as {name}, so nothing is lost for good.',
  'storage.startEmpty.confirm': 'Start empty',
  'storage.cancel': 'Cancel',
  'storage.working': 'Preparing the recovery…',
  'storage.restarting': 'Restarting Campaign Desk to finish…',
  'storage.reopen': 'Done. Close Campaign Desk and open it again to finish.',
  'storage.failed': 'That did not work: {message}',
} as const;

/** 简体中文。 */
export const storageZh: Readonly<Record<keyof typeof storageEn, string>> = {
  'storage.checking': '正在检查数据库…',
  'storage.title': '数据库已损坏',
  'storage.found.unreadable':
    'Campaign Desk 无法读取数据库文件：文件开头（文件头）已损坏。您的号码列表、草稿和提交记录都保存在该文件中，因此都无法显示。',
  'storage.found.damaged':
    '数据库检查发现以下部分有损坏（{problems} 处问题）：{areas}。其中部分数据可能缺失或有误。',
  'storage.found.damagedSomewhere': '数据库检查发现损坏。您的部分数据可能缺失或有误。',
  'storage.area.lists': '已导入的号码列表',
  'storage.area.drafts': '草稿',
  'storage.area.submissions': '提交记录和审计记录',
  'storage.area.tasks': '任务历史',
  'storage.area.other': '其他应用数据',
  'storage.areaSeparator': '、',
  'storage.kept':
    '无论您如何选择，损坏的文件都会以 {name} 的名称保留在数据文件夹中，不会删除任何内容。',
  'storage.restoreFailed': '上次恢复未能完成：无法复制备份。损坏的文件保持原样。请尝试其他备份。',
  'storage.backups.title': '恢复备份',
  'storage.backups.about':
    'Campaign Desk 每天备份一次数据库，并保留最近 7 份。备份之后所做的更改不包含在备份中。',
  'storage.backups.none':
    '还没有备份。Campaign Desk 会在数据库完好的情况下首次启动的当天进行第一次备份。',
  'storage.backups.label': '备份',
  'storage.backups.item': '{date}（{size} MB）',
  'storage.backups.newest': '最新',
  'storage.restore': '恢复 {date} 的备份',
  'storage.startEmpty': '使用空数据库启动',
  'storage.startEmpty.title': '使用空数据库启动？',
  'storage.startEmpty.body':
    'Campaign Desk 将在没有您的号码列表、草稿和提交记录的情况下启动。损坏的文件会以 {name} 的名称保留，数据不会永久丢失。',
  'storage.startEmpty.confirm': '使用空数据库启动',
  'storage.cancel': '取消',
  'storage.working': '正在准备恢复…',
  'storage.restarting': '正在重新启动 Campaign Desk 以完成操作…',
  'storage.reopen': '已完成。请关闭 Campaign Desk 并重新打开以完成操作。',
  'storage.failed': '操作未成功：{message}',
};
