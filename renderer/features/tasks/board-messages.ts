/**
 * UI text of the board's layout: the at-a-glance strip, columns that give way to the width, the
 * empty search and the detail panel's resize handle (English is the reference).
 */
export const boardEn = {
  'board.columns.hidden': 'Hidden to fit this width: {columns}. A wider window shows them.',
  'board.columns.separator': ', ',
  'board.search.none.title': 'No task matches “{search}”',
  'board.search.none.body':
    'Task names are matched here, and voice files and TTS texts at the vendors that can search them. Check the spelling, or clear the search to see every task.',
  'board.search.clear': 'Clear search',
  'board.filters.none.title': 'No task matches these filters',
  'board.filters.none.body': 'Clear the filters to see every task.',
  'board.detail.resize': 'Width of the task detail',
  'board.detail.resize.hint': 'Drag, or use the Left and Right arrow keys.',
  'board.glance.label': 'At a glance',
  'board.glance.scope':
    'Counted over the tasks running, paused or not started, and those created or finished today ({count} tasks).',
  'board.glance.active': 'Active campaigns',
  'board.glance.active.detail': '{running} running · {paused} paused · {pending} not started',
  'board.glance.called': 'Called today',
  'board.glance.called.tip':
    'Numbers called since midnight (this computer’s time), from the vendors’ own counters: a task created today counts all its calls, an older one what it called since the app’s last reading before midnight.',
  'board.glance.called.partial':
    'Not included: {count} older tasks the app did not read before midnight, so their calls today cannot be told apart from earlier ones.',
  'board.glance.answer': 'Answer rate',
  'board.glance.answer.tip': 'Answered calls of numbers called: {answered} of {called}.',
  'board.glance.success': 'Success rate',
  'board.glance.success.tip':
    'Numbers answered of all numbers in these campaigns: {answered} of {numbers}.',
  'board.glance.transfers': 'To agents',
  'board.glance.transfers.tip': 'Calls transferred to agents: {count}.',
  'board.glance.balance': 'Balance · {account}',
  'board.glance.balance.checking': 'Asking the vendor…',
  'board.glance.none': 'Not shown: {why}',
  'board.glance.none.noTasks': 'no task was active, created or finished today.',
  'board.glance.none.noCalled':
    'the vendors report no “called” counter for these tasks (ITNIO call-center tasks have none).',
  'board.glance.none.noCalledToday': 'no task could be counted since midnight.',
  'board.glance.none.noAnswered': 'no calls with an answered count yet.',
  'board.glance.none.noNumbers': 'no task reports both its numbers and its answered calls.',
  'board.glance.none.noTransfers':
    'none of these tasks reports transfers on the board (Yccall servers do not count them; ITNIO group calls count them in a task’s detail).',
} as const;

/** Chinese text of the board's layout (key for key with English). */
export const boardZh: Readonly<Record<keyof typeof boardEn, string>> = {
  'board.columns.hidden': '为适应当前宽度已隐藏：{columns}。加宽窗口即可显示。',
  'board.columns.separator': '、',
  'board.search.none.title': '没有与“{search}”匹配的任务',
  'board.search.none.body':
    '此处匹配任务名称；支持搜索的服务商还会匹配语音文件和 TTS 文本。请检查拼写，或清除搜索以查看全部任务。',
  'board.search.clear': '清除搜索',
  'board.filters.none.title': '没有符合这些筛选条件的任务',
  'board.filters.none.body': '清除筛选即可查看全部任务。',
  'board.detail.resize': '任务详情的宽度',
  'board.detail.resize.hint': '拖动，或使用左右方向键。',
  'board.glance.label': '概览',
  'board.glance.scope':
    '统计范围：运行中、已暂停或未开始的任务，以及今天创建或结束的任务（共 {count} 个）。',
  'board.glance.active': '进行中的活动',
  'board.glance.active.detail': '运行中 {running} · 已暂停 {paused} · 未开始 {pending}',
  'board.glance.called': '今日已呼叫',
  'board.glance.called.tip':
    '自午夜（本机时间）以来呼叫的号码数，来自服务商自己的计数：今天创建的任务计入全部呼叫，较早的任务计入自本应用午夜前最后一次读取以来的呼叫。',
  'board.glance.called.partial':
    '未计入：{count} 个较早的任务在午夜前未被本应用读取，无法区分其今天与之前的呼叫。',
  'board.glance.answer': '接通率',
  'board.glance.answer.tip': '已呼叫号码中接通的数量：{called} 个中 {answered} 个。',
  'board.glance.success': '成功率',
  'board.glance.success.tip': '这些活动全部号码中接通的数量：{numbers} 个中 {answered} 个。',
  'board.glance.transfers': '转坐席',
  'board.glance.transfers.tip': '转接到坐席的呼叫：{count} 个。',
  'board.glance.balance': '余额 · {account}',
  'board.glance.balance.checking': '正在向服务商查询…',
  'board.glance.none': '未显示：{why}',
  'board.glance.none.noTasks': '今天没有进行中、创建或结束的任务。',
  'board.glance.none.noCalled':
    '服务商没有为这些任务提供“已呼叫”计数（ITNIO 呼叫中心任务没有此计数）。',
  'board.glance.none.noCalledToday': '自午夜以来没有可以统计的任务。',
  'board.glance.none.noAnswered': '尚无带接通计数的呼叫。',
  'board.glance.none.noNumbers': '没有任务同时提供号码数和接通数。',
  'board.glance.none.noTransfers':
    '这些任务在任务面板上都没有转坐席计数（Yccall 服务器不统计；ITNIO 群呼在任务详情中统计）。',
};
