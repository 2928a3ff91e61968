import { z } from 'zod';

// Response schemas for the Yccall SIP call-center server (yccall.md). The docs print the same
// field as a number on one page and as a string on another (§7.8, §7.10), and `data` is an
// object on success but an empty array when `ret` ≠ 200 (§3, §7.9), so the schemas accept every
// documented variant and hand one type to the rest of the app.

import { LooseNumberSchema, LooseStringSchema } from '../loose-schemas';

export { LooseNumberSchema, LooseStringSchema };

const optionalText = LooseStringSchema.nullish();
const optionalNumber = LooseNumberSchema.nullish();

/** `data.errors` on a business failure (§3): `{ code: "1003", codemsg }`, code as a string. */
export const BusinessErrorSchema = z.looseObject({
  code: LooseStringSchema,
  codemsg: z.string().nullish(),
});
export type BusinessError = z.infer<typeof BusinessErrorSchema>;

/** The business half of the envelope (§3); present as an object when `ret` is 200. */
export const EnvelopeDataSchema = z.looseObject({
  status: LooseNumberSchema,
  desc: z.string().nullish(),
  result: z.unknown().optional(),
  errors: BusinessErrorSchema.nullish(),
  reqtime: optionalNumber,
  rsptime: optionalNumber,
});
export type EnvelopeData = z.infer<typeof EnvelopeDataSchema>;

/**
 * The whole envelope `{ ret, data, msg }` (§3).
 *
 * `data` is an object on success and `[]` when `ret` ≠ 200 (§7.9); anything else in `data` is
 * accepted here and judged by the interpreter, which knows which `ret` it came with.
 */
export const EnvelopeSchema = z.looseObject({
  ret: LooseNumberSchema,
  data: z.union([EnvelopeDataSchema, z.array(z.unknown()), z.null()]).optional(),
  msg: z.string().nullish(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** `data.result` of `App.Sip_Auth.Login` (§2.1); `companycode` is an int or a string (§7.8). */
export const LoginResultSchema = z.looseObject({
  companycode: LooseStringSchema,
  companyname: z.string().nullish(),
  token: z.string().min(1),
  authtime: z.string().nullish(),
  authmodel: z.string().nullish(),
});
export type LoginResult = z.infer<typeof LoginResultSchema>;

/** An absent result: commands such as TaskSet, taskDelPhone, Logout answer with `desc` only. */
export const NoResultSchema = z.unknown().transform(() => null);

/**
 * `data.result` of `App.Sip_Yccall.TaskCreat` (§4.1, §8): not documented; public client code
 * reads `result.taskid`. A bare id is accepted too. `success`/`invaliddata` are read when present.
 */
export const TaskCreatResultSchema = z.union([
  z
    .looseObject({
      taskid: LooseStringSchema.pipe(z.string().min(1)),
      success: optionalNumber,
      invaliddata: z.array(z.unknown()).nullish(),
    })
    .transform((result) => ({
      taskId: result.taskid,
      success: result.success ?? null,
      invalid: result.invaliddata ?? [],
    })),
  LooseStringSchema.pipe(z.string().min(1)).transform((taskId) => ({
    taskId,
    success: null,
    invalid: [] as unknown[],
  })),
]);
export type TaskCreatResult = z.infer<typeof TaskCreatResultSchema>;

/** `data.result` of `App.Sip_Yccall.TaskAdd` (§4.2): numbers appended and the rejected entries. */
export const TaskAddResultSchema = z
  .looseObject({
    success: LooseNumberSchema,
    invaliddata: z.array(z.unknown()).nullish(),
  })
  .transform((result) => ({ success: result.success, invalid: result.invaliddata ?? [] }));
export type TaskAddResult = z.infer<typeof TaskAddResultSchema>;

/** One row of TaskList `task` (§4.6); the example is cut off, so more fields pass through. */
export const TaskRowSchema = z.looseObject({
  taskid: LooseStringSchema,
  taskname: optionalText,
  taskassign: optionalText,
  starttime: optionalText,
  taskscale: optionalText,
  nowscale: optionalText,
  disnumber: optionalText,
  /** 1025 not started, 1026 running, 1027 paused, 1028 ended (§3.3). */
  status: LooseNumberSchema,
  createtime: optionalText,
});
export type TaskRow = z.infer<typeof TaskRowSchema>;

/** Paging fields of TaskList/TaskInfo (§4.6, §4.7). */
const pagingShape = {
  totalitems: LooseNumberSchema,
  currentpage: optionalNumber,
  itemsperpage: optionalNumber,
};

/** `data.result` of `App.Sip_Yccall.TaskList` (§4.6); an empty list may come as null. */
export const TaskListResultSchema = z.looseObject({
  ...pagingShape,
  task: z
    .array(TaskRowSchema)
    .nullish()
    .transform((rows) => rows ?? []),
});
export type TaskListResult = z.infer<typeof TaskListResultSchema>;

/** One number of TaskInfo `result` (§4.7); the example is cut off, so more fields pass through. */
export const TaskNumberRowSchema = z.looseObject({
  taskid: optionalText,
  telphone: LooseStringSchema,
  userid: optionalText,
  memberid: optionalText,
  chengshudu: optionalText,
  customuuid: optionalText,
  /** 1035 not called, 1036 called (§3.3). */
  status: LooseNumberSchema,
  extnumber: optionalText,
  /** 1 connected, 0 not (null before the call). */
  answered: optionalNumber,
  /** `caller` the agent did not answer, `callee` the callee did not answer. */
  answertype: z.string().nullish(),
});
export type TaskNumberRow = z.infer<typeof TaskNumberRowSchema>;

/** `data.result` of `App.Sip_Yccall.TaskInfo` (§4.7). */
export const TaskInfoResultSchema = z.looseObject({
  ...pagingShape,
  result: z
    .array(TaskNumberRowSchema)
    .nullish()
    .transform((rows) => rows ?? []),
});
export type TaskInfoResult = z.infer<typeof TaskInfoResultSchema>;

/** A list result that may be absent when empty. */
function listOf<T extends z.ZodType>(row: T) {
  return z
    .array(row)
    .nullish()
    .transform((rows) => rows ?? []);
}

/** One queue of `App.Sip_Queue.GetQueueList` (§5.1). */
export const QueueRowSchema = z.looseObject({
  queuename: LooseStringSchema,
  remark: optionalText,
  strategy: optionalNumber,
  announce: optionalText,
  announcefreq: optionalNumber,
  ringdelay: optionalNumber,
  maxwaittime: optionalNumber,
  withnoagenttime: optionalNumber,
  noagentrejoiningtime: optionalNumber,
  discardtime: optionalNumber,
  autocall: optionalText,
});
export type QueueRow = z.infer<typeof QueueRowSchema>;

/** `data.result` of GetQueueList. */
export const QueueListResultSchema = listOf(QueueRowSchema);

/**
 * One extension of `App.Sip_Sipnum.GetSipnumberInfo` (§5.3).
 *
 * The row carries the SIP `password`; the schema drops it so it can never reach a picker, a log
 * or the renderer.
 */
export const ExtensionRowSchema = z
  .looseObject({
    extnumber: LooseStringSchema,
    status: optionalNumber,
    register: z.string().nullish(),
  })
  .transform(({ extnumber, status, register }) => ({
    extnumber,
    status: status ?? null,
    register: register ?? null,
  }));
export type ExtensionRow = z.infer<typeof ExtensionRowSchema>;

/** `data.result` of GetSipnumberInfo. */
export const ExtensionListResultSchema = listOf(ExtensionRowSchema);

/** One group of `App.Sip_Extgroup.GetExtgroupInfo` (§5.4). */
export const ExtensionGroupRowSchema = z.looseObject({
  id: LooseStringSchema,
  name: LooseStringSchema,
  status: optionalNumber,
});
export type ExtensionGroupRow = z.infer<typeof ExtensionGroupRowSchema>;

/** `data.result` of GetExtgroupInfo. */
export const ExtensionGroupListResultSchema = listOf(ExtensionGroupRowSchema);

/** One row of `App.Sip_Status.GetSipRegisterStatus` (§5.3). */
export const RegisterStatusRowSchema = z.looseObject({
  extnumber: LooseStringSchema,
  code: optionalNumber,
  clientip: z.string().nullish(),
  serverip: z.string().nullish(),
});
export type RegisterStatusRow = z.infer<typeof RegisterStatusRowSchema>;

/** `data.result` of GetSipRegisterStatus. */
export const RegisterStatusResultSchema = listOf(RegisterStatusRowSchema);

/** One call record (§6.1; fields as documented for the CDR push callback). */
export const CdrSchema = z.looseObject({
  id: LooseStringSchema,
  companycode: optionalText,
  direction: z.string().nullish(),
  type: z.string().nullish(),
  callmethod: optionalNumber,
  starttime: z.string().nullish(),
  answertime: z.string().nullish(),
  endtime: z.string().nullish(),
  duration: optionalNumber,
  billsec: optionalNumber,
  userid: optionalText,
  memberid: optionalText,
  chengshudu: optionalText,
  ext: optionalText,
  disnumber: optionalText,
  destnumber: optionalText,
  extnumber: optionalText,
  recordfilename: z.string().nullish(),
  downloadip: z.string().nullish(),
  hangupdirection: optionalNumber,
  hangupcause: optionalNumber,
  uuid: z.string().nullish(),
  userkey: z.string().nullish(),
  customuuid: optionalText,
  taskid: optionalText,
  round: optionalNumber,
  recordurl: z.string().nullish(),
});
export type Cdr = z.infer<typeof CdrSchema>;

/**
 * `data.result` of `App.Sip_Cdr.GetBill` (§6.1). The layout was not captured: accepted are a bare
 * array of records, or the paged shape of TaskList/TaskInfo with the records under `result`,
 * `bill` or `list`.
 */
export const BillResultSchema = z.union([
  z.array(CdrSchema).transform((records) => ({ total: null as number | null, records })),
  z
    .looseObject({
      totalitems: optionalNumber,
      currentpage: optionalNumber,
      itemsperpage: optionalNumber,
      result: z.array(CdrSchema).optional(),
      bill: z.array(CdrSchema).optional(),
      list: z.array(CdrSchema).optional(),
    })
    .refine((page) => page.result ?? page.bill ?? page.list, { message: 'no records array' })
    .transform((page) => ({
      total: page.totalitems ?? null,
      records: page.result ?? page.bill ?? page.list ?? [],
    })),
]);
export type BillResult = z.infer<typeof BillResultSchema>;

/** Task-finished callback body (§4.9); `endtype` is missing from the English copy. */
export const TaskStatusCallbackSchema = z.looseObject({
  taskid: LooseStringSchema,
  companycode: LooseStringSchema,
  status: LooseNumberSchema,
  endtype: z.enum(['over', 'timeout']).nullish(),
});
export type TaskStatusCallback = z.infer<typeof TaskStatusCallbackSchema>;
