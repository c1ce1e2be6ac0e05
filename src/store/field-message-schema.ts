/** Tables of the field messages (migration 0014): phones, SMS gateways, messages received, refusals. */
export interface FieldMessageTables {
  userPhones: UserPhoneTable;
  smsGateways: SmsGatewayTable;
  fieldMessages: FieldMessageTable;
  smsRefusals: SmsRefusalTable;
}

export interface UserPhoneTable {
  userId: string;
  phone: string;
  boundAt: string;
}

export interface SmsGatewayTable {
  id: string;
  name: string;
  tokenHash: string;
  createdAt: string;
}

export interface FieldMessageTable {
  id: string;
  channel: 'sms' | 'radio' | 'tak';
  gatewayId: string | null;
  gatewayMessageId: string | null;
  senderUserId: string;
  enteredBy: string | null;
  textDigest: string;
  receivedAt: string;
  recordedAt: string;
  outcome: 'recorded' | 'refused' | 'help';
  reference: string | null;
  reply: string;
}

export interface SmsRefusalTable {
  gatewayId: string;
  day: string;
  count: number;
}
