import { z } from 'zod';

// Response schemas for the ITNIO API (itniotech.md). The docs print numbers as strings on some
// pages and as numbers on others (§9.3), so counters and ids accept both and come out as one type.

import { LooseNumberSchema } from '../loose-schemas';

export { LooseNumberSchema };

/** An id the vendor may send as a number or a string; kept as a string (§9.3). */
export const IdSchema = z.union([z.number().int().transform(String), z.string().min(1)]);

const optionalNumber = LooseNumberSchema.nullish();
const optionalText = z.string().nullish();

/** Both envelopes: `{status, reason, data}` and `{code, msg, data}`, codes as strings or numbers (§2). */
export const EnvelopeSchema = z
  .looseObject({
    status: z.union([z.string(), z.number()]).optional(),
    code: z.union([z.string(), z.number()]).optional(),
    reason: z.string().nullish(),
    msg: z.string().nullish(),
    data: z.unknown().optional(),
  })
  .refine((body) => body.status !== undefined || body.code !== undefined, {
    message: 'neither status nor code',
  });
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** The paged `data` of list endpoints (§3); the paging fields may be missing in cut-off examples. */
export function pageSchema<T extends z.ZodType>(record: T) {
  return z.looseObject({
    total: optionalNumber,
    size: optionalNumber,
    current: optionalNumber,
    pages: optionalNumber,
    searchCount: z.boolean().nullish(),
    records: z.array(record),
  });
}

/** `data` of `/cc/preview/upload` (§4.1). */
export const UploadDataSchema = z.looseObject({
  filePath: z.string().min(1),
  numberTotalCount: LooseNumberSchema,
  numberSameCount: LooseNumberSchema,
});
export type UploadData = z.infer<typeof UploadDataSchema>;

/**
 * `data` of creates that may or may not return the new task id: submitTask, resendTask, group-call
 * send and resends (§4.2, §4.3, §5.1, §5.4; §9.1). Null or absent when the page revision returns none.
 */
export const OptionalTaskIdSchema = IdSchema.nullish().transform((id) => id ?? null);

/** `data` of calls that answer nothing but success (edit, cancel, recall-flow update). */
export const EmptyDataSchema = z.unknown();

/** One row of `/cc/preview/query` (§4.4). */
export const CcTaskRecordSchema = z.looseObject({
  taskId: IdSchema,
  voiceGroupId: z.array(LooseNumberSchema).nullish(),
  seatGroupName: optionalText,
  remainCount: optionalNumber,
  totalCount: optionalNumber,
  remark: optionalText,
  ccode: optionalText,
  codeName: optionalText,
  taskStatus: LooseNumberSchema,
  taskType: optionalNumber,
  finishFlag: optionalNumber,
  completedRate: z.union([z.string(), z.number()]).nullish(),
  groupTaskId: IdSchema.nullish(),
  transfersNum: optionalNumber,
  callFailuresNum: optionalNumber,
});
export type CcTaskRecord = z.infer<typeof CcTaskRecordSchema>;

/** `data` of `/cc/preview/query`. */
export const CcTaskPageSchema = pageSchema(CcTaskRecordSchema);

/** One row of `/cc/preview/queryTaskDetail` (§4.5); var01… columns are kept. */
export const CcTaskNumberSchema = z.looseObject({
  keyId: IdSchema.nullish(),
  encryptCalled: optionalText,
  seatName: z.union([z.string(), z.number()]).nullish(),
  sipGroupName: optionalText,
  labelName: optionalText,
  remark: optionalText,
  callId: z.union([z.string(), z.number()]).nullish(),
  errorReason: optionalText,
  status: LooseNumberSchema,
  callCount: optionalNumber,
});
export type CcTaskNumber = z.infer<typeof CcTaskNumberSchema>;

/** `data` of `/cc/preview/queryTaskDetail`. */
export const CcTaskNumberPageSchema = pageSchema(CcTaskNumberSchema);

/** One row of `/voice/group/call/query`: `jobId` for voice lists, `taskId` for the AI list (§5.5, §5.8). */
export const GroupTaskRecordSchema = z
  .looseObject({
    jobId: IdSchema.nullish(),
    taskId: IdSchema.nullish(),
    taskName: z.string(),
    status: LooseNumberSchema,
    rate: z.union([z.string(), z.number()]).nullish(),
    numCnt: optionalNumber,
    callNum: optionalNumber,
    success: optionalNumber,
    fail: optionalNumber,
    createdTime: optionalText,
    scriptId: IdSchema.nullish(),
  })
  .refine((row) => (row.jobId ?? row.taskId) != null, { message: 'neither jobId nor taskId' });
export type GroupTaskRecord = z.infer<typeof GroupTaskRecordSchema>;

/** `data` of `/voice/group/call/query`. */
export const GroupTaskPageSchema = pageSchema(GroupTaskRecordSchema);

/** `data` of `/voice/group/call/detail/{id}` (§5.6). */
export const GroupTaskDetailSchema = z.looseObject({
  jobId: IdSchema,
  taskName: z.string(),
  displayNum: optionalText,
  text: optionalText,
  status: LooseNumberSchema,
  rate: z.union([z.string(), z.number()]).nullish(),
  numCnt: optionalNumber,
  chargeLen: optionalNumber,
  success: optionalNumber,
  fail: optionalNumber,
  toseatNum: optionalNumber,
  successRate: z.union([z.string(), z.number()]).nullish(),
  toseatNumRate: z.union([z.string(), z.number()]).nullish(),
  sendTime: optionalText,
  createdTime: optionalText,
  mdfTime: optionalText,
  finishTime: optionalText,
  appId: optionalText,
  callTotal: optionalNumber,
});
export type GroupTaskDetail = z.infer<typeof GroupTaskDetailSchema>;

/** One agent group of `/cc/seatGroup/query` (§6.1). */
export const SeatGroupSchema = z.looseObject({
  voiceGroupId: IdSchema,
  callinStrategy: optionalNumber,
  countSeat: optionalNumber,
  groupName: z.string(),
  appName: optionalText,
});
export type SeatGroup = z.infer<typeof SeatGroupSchema>;

/** `data` of `/cc/seatGroup/query`. */
export const SeatGroupPageSchema = pageSchema(SeatGroupSchema);

/** `data` of `/cc/seat/querySipTotal` (§6.1). */
export const SipTotalSchema = z.looseObject({
  total: LooseNumberSchema,
  remaining: LooseNumberSchema,
});

/** One rented number of `/number/queryPage` (§6.4). */
export const DisplayNumberSchema = z.looseObject({
  number: z.string(),
  ccode: optionalText,
  country: optionalText,
  dueDate: optionalText,
  state: optionalNumber,
  type: optionalText,
  appId: optionalText,
  remark: optionalText,
});
export type DisplayNumber = z.infer<typeof DisplayNumberSchema>;

/** `data` of `/number/queryPage`. */
export const DisplayNumberPageSchema = pageSchema(DisplayNumberSchema);

/** The whole body of the balance query: style A without `data` (§6.7). */
export const BalanceBodySchema = z.looseObject({
  balance: LooseNumberSchema,
  gift: optionalNumber,
  credit: optionalNumber,
});
export type BalanceBody = z.infer<typeof BalanceBodySchema>;

/**
 * A call record row, loose: the fields of `/voice/recordGroupQuery` are documented (§7.2); those
 * of `/cc/record/query` were not captured (§7.1), so only its filter names are read.
 */
export const CallRecordSchema = z.looseObject({
  callee: optionalText,
  calledOrCaller: optionalText,
  callTime: optionalText,
  callDuration: optionalNumber,
  terminationCode: z.union([z.string(), z.number()]).nullish(),
  terminationReason: optionalText,
  hangupReason: optionalNumber,
  cost: optionalNumber,
  currency: optionalText,
});
export type CallRecord = z.infer<typeof CallRecordSchema>;

/** `data` of `/cc/record/query` and `/voice/recordGroupQuery`. */
export const CallRecordPageSchema = pageSchema(CallRecordSchema);

/** `data` of `/voice/recallFlow/queryDetail` (§5.8). */
export const RecallFlowDetailSchema = z.looseObject({
  keyId: IdSchema,
  recallInterval: optionalNumber,
  recallNum: optionalNumber,
  recallType: optionalNumber,
  status: LooseNumberSchema,
  nodeList: z
    .array(
      z.looseObject({
        keyId: IdSchema,
        taskId: IdSchema.nullish(),
        nodeStatus: LooseNumberSchema,
        scriptId: IdSchema.nullish(),
      }),
    )
    .nullish(),
});
