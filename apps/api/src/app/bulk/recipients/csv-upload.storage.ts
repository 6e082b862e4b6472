import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { readRecipientsCsv, type CsvRecipients } from './csv-recipients';

/** What a CSV upload becomes: its recipients (or why it cannot be read), never its bytes. */
export interface CsvUpload {
  originalname: string;
  csv: CsvRecipients;
}

type MulterFile = { originalname: string; stream: Readable };

/**
 * A multer storage engine that reads the uploaded CSV as it arrives instead of buffering the file:
 * what the route gets is the parsed recipients. Multer's `fileSize` limit still applies to the stream.
 */
export class CsvRecipientsStorage {
  _handleFile(_req: Request, file: MulterFile, done: (err: unknown, info?: Partial<CsvUpload>) => void): void {
    readRecipientsCsv(file.stream).then(
      (csv) => done(null, { csv }),
      (err: unknown) => done(err),
    );
  }

  _removeFile(_req: Request, _file: unknown, done: (err: unknown) => void): void {
    done(null);
  }
}
