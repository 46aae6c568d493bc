/**
 * Builds Outlook .msg files for tests: an OLE compound file of MAPI properties ([MS-OXMSG]),
 * written with the CFB writer that ships inside @kenjiuno/msgreader (the reader the app uses).
 * Strings are PT_UNICODE streams (`__substg1.0_XXXX001F`), the recipient type and the submit
 * time fixed-size entries in each `__properties_version1.0` stream.
 */
import { burn, type Entry } from '@kenjiuno/msgreader/lib/Burner';
import { TypeEnum } from '@kenjiuno/msgreader/lib/Reader';

export interface OutlookMessage {
  subject: string;
  senderName: string;
  senderAddress: string;
  to: { name: string; address: string }[];
  cc?: { name: string; address: string }[];
  /** RFC 5322 date, as the transport headers carry it. */
  date: string;
  body: string;
  attachments?: { fileName: string; mimeType: string; bytes: Uint8Array }[];
}

const utf16 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));

function stringStream(id: string, value: string): { name: string; bytes: Uint8Array } {
  return { name: `__substg1.0_${id}001F`, bytes: utf16(value) };
}

/** A property stream: a header (32 bytes for the message, 8 for a recipient or attachment), then 16-byte entries. */
function propertyStream(headerSize: number, entries: { tag: number; value: Uint8Array }[]): Uint8Array {
  const bytes = new Uint8Array(headerSize + entries.length * 16);
  const view = new DataView(bytes.buffer);
  entries.forEach((entry, index) => {
    const at = headerSize + index * 16;
    view.setUint32(at, entry.tag, true);
    view.setUint32(at + 4, 0x6, true);
    bytes.set(entry.value.subarray(0, 8), at + 8);
  });
  return bytes;
}

function int32(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

/** FILETIME: 100-ns intervals since 1601-01-01. */
function fileTime(date: Date): Uint8Array {
  const ticks = BigInt(date.getTime()) * 10_000n + 116_444_736_000_000_000n;
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, ticks, true);
  return bytes;
}

export function outlookMessage(message: OutlookMessage): Uint8Array {
  const entries: Entry[] = [{ name: 'Root Entry', type: TypeEnum.ROOT, children: [], length: 0 }];
  const addDocument = (parent: number, name: string, bytes: Uint8Array) => {
    entries[parent]!.children!.push(entries.length);
    entries.push({ name, type: TypeEnum.DOCUMENT, binaryProvider: () => bytes, length: bytes.length });
  };
  const addDirectory = (parent: number, name: string): number => {
    entries[parent]!.children!.push(entries.length);
    entries.push({ name, type: TypeEnum.DIRECTORY, children: [], length: 0 });
    return entries.length - 1;
  };
  const recipients = [...message.to.map((person) => ({ ...person, type: 1 })), ...(message.cc ?? []).map((person) => ({ ...person, type: 2 }))];
  const attachments = message.attachments ?? [];
  const headers = [
    `From: ${message.senderName} <${message.senderAddress}>`,
    `Subject: ${message.subject}`,
    `Date: ${message.date}`,
    'MIME-Version: 1.0',
    '',
  ].join('\r\n');
  for (const stream of [
    stringStream('001A', 'IPM.Note'),
    stringStream('0037', message.subject),
    stringStream('0C1A', message.senderName),
    stringStream('5D01', message.senderAddress),
    stringStream('1000', message.body),
    stringStream('007D', headers),
  ])
    addDocument(0, stream.name, stream.bytes);
  const rootHeader = new Uint8Array(32);
  new DataView(rootHeader.buffer).setUint32(16, recipients.length, true);
  new DataView(rootHeader.buffer).setUint32(20, attachments.length, true);
  const rootProperties = propertyStream(32, [{ tag: 0x00390040, value: fileTime(new Date(message.date)) }]);
  rootProperties.set(rootHeader.subarray(0, 32), 0);
  addDocument(0, '__properties_version1.0', rootProperties);
  recipients.forEach((recipient, index) => {
    const folder = addDirectory(0, `__recip_version1.0_#${index.toString(16).toUpperCase().padStart(8, '0')}`);
    addDocument(folder, stringStream('3001', recipient.name).name, stringStream('3001', recipient.name).bytes);
    addDocument(folder, stringStream('39FE', recipient.address).name, stringStream('39FE', recipient.address).bytes);
    addDocument(folder, '__properties_version1.0', propertyStream(8, [{ tag: 0x0c150003, value: int32(recipient.type) }]));
  });
  attachments.forEach((attachment, index) => {
    const folder = addDirectory(0, `__attach_version1.0_#${index.toString(16).toUpperCase().padStart(8, '0')}`);
    addDocument(folder, stringStream('3707', attachment.fileName).name, stringStream('3707', attachment.fileName).bytes);
    addDocument(folder, stringStream('370E', attachment.mimeType).name, stringStream('370E', attachment.mimeType).bytes);
    addDocument(folder, '__substg1.0_37010102', attachment.bytes);
    addDocument(folder, '__properties_version1.0', propertyStream(8, [{ tag: 0x37050003, value: int32(1) }]));
  });
  return burn(entries);
}
