/** English UI text: the reference catalogue every other language must match key for key. */
export const en = {
  'app.name': 'Campaign Desk',
  'app.loading': 'Starting Campaign Desk…',
  'app.loadFailed': 'Campaign Desk could not start its window: {message}',
  'app.retry': 'Try again',
  'nav.label': 'Sections',
  'nav.accounts': 'Accounts',
  'nav.lists': 'Lists',
  'nav.drafts': 'Drafts',
  'nav.tasks': 'Tasks',
  'nav.settings': 'Settings',
  'nav.about': 'About',
  'accounts.title': 'Accounts',
  'accounts.empty.title': 'No accounts yet',
  'accounts.empty.body':
    'Your ITNIO TECH / ONBUKA accounts and Yccall call-center servers will be listed here. Their secrets are kept in this computer’s keychain, never in a file.',
  'accounts.empty.next':
    'Start here: add an account, or try the demo account to explore without credentials.',
  'lists.title': 'Lists',
  'lists.empty.title': 'No phone lists yet',
  'lists.empty.body':
    'Lists you import from Excel (.xlsx) or CSV files will appear here, with every number checked and every problem row explained.',
  'lists.empty.next':
    'Import a list once you have an account, so numbers can be checked against its country.',
  'drafts.title': 'Drafts',
  'drafts.empty.title': 'No campaign drafts yet',
  'drafts.empty.body':
    'Drafts of calling campaigns live here. You can prepare them offline; they are saved as you type and sent only after a review.',
  'drafts.empty.next': 'First add an account and import a list; then create a draft from it.',
  'tasks.title': 'Tasks',
  'tasks.empty.title': 'No tasks to show',
  'tasks.empty.body':
    'Running and finished campaigns from all your accounts will appear here, updating by themselves: progress, successes, failures and transfers to agents.',
  'tasks.empty.next': 'Add an account first; its tasks will show up here.',
  'empty.goToAccounts': 'Go to Accounts',
  'settings.title': 'Settings',
  'settings.appearance': 'Appearance',
  'settings.theme': 'Theme',
  'settings.theme.system': 'Same as the system',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.language': 'Language',
  'settings.language.system': 'Same as the system ({language})',
  'settings.saved': 'Saved.',
  'settings.saveFailed': 'The setting was not saved: {message}',
  'settings.storage': 'Where your data lives',
  'settings.dataFolder': 'Data folder',
  'settings.secrets': 'API secrets',
  'settings.secretsWhere': 'In the operating system’s keychain only.',
  'about.title': 'About Campaign Desk',
  'about.tagline': 'Outbound calling campaigns for call-center managers.',
  'about.version': 'Version',
  'about.host': 'Running in',
  'about.host.electron': 'Desktop app',
  'about.host.browser-host': 'Browser test host (the Electron shell is not running)',
  'about.platform': 'Platform',
  'about.dataFolder': 'Data folder',
  'about.electron': 'Electron',
  'about.chrome': 'Chromium',
  'about.node': 'Node.js',
  'about.v8': 'V8',
  'about.notRunning': '{version} (not running)',
  'language.en': 'English',
  'language.zh-CN': '简体中文',
} as const;

/** A key of the UI text catalogue. */
export type MessageKey = keyof typeof en;
/** A catalogue: every key, translated. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
