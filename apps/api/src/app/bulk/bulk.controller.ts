import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { z } from 'zod';
import {
  campaignSettingsSchema,
  createCampaignSchema,
  listCampaignsQuerySchema,
  recipientStatusSchema,
  recipientsQuerySchema,
  type Campaign,
  type CampaignPage,
  type CampaignPreview,
  type CampaignSettings,
  type ListCampaignsQuery,
  type RecipientInput,
  type RecipientPage,
  type RecipientsQuery,
  type TokenClaims,
  roleGroups,
} from '@switchboard/contracts';
import { Caller, Roles } from '../common/auth/auth.decorators';
import { LargeJsonBody } from '../common/http/json-body.interceptor';
import { AppError } from '../common/errors/app-error';
import { uuidParam } from '../common/validation/uuid-param';
import { ZodPipe } from '../common/validation/zod.pipe';
import { parseOrThrow } from '../common/validation/zod-issues';
import { csvField } from './recipients/csv-field';
import { sendCsv } from './csv-export';
import type { CsvUpload } from './recipients/csv-upload.storage';
import { CampaignsService } from './services/campaigns.service';

// Limits (MAX_CSV_UPLOAD_BYTES, one file) come from BulkModule's MulterModule.
const csvUpload = FileInterceptor('file');
const exportQuery = z.object({ status: recipientStatusSchema.optional() });

@Controller('bulk-campaigns')
@Roles(...roleGroups.campaigns)
export class BulkController {
  constructor(private readonly campaigns: CampaignsService) {}

  /** JSON `{...settings, recipients}` or multipart: the settings as fields and a CSV `file`. */
  @Post()
  @LargeJsonBody()
  @UseInterceptors(csvUpload)
  create(
    @Caller() caller: TokenClaims,
    @Req() req: Request,
    @Body() body: unknown,
    @UploadedFile() file: CsvUpload | undefined,
  ): Promise<Campaign> {
    const { settings, recipients } = campaignRequest(req, body, file);
    return this.campaigns.create(caller, settings, recipients);
  }

  @Post('preview')
  @HttpCode(200)
  @LargeJsonBody()
  @UseInterceptors(csvUpload)
  preview(
    @Req() req: Request,
    @Body() body: unknown,
    @UploadedFile() file: CsvUpload | undefined,
  ): Promise<CampaignPreview> {
    const { settings, recipients } = campaignRequest(req, body, file);
    return this.campaigns.preview(settings, recipients);
  }

  @Get()
  list(@Query(new ZodPipe(listCampaignsQuerySchema)) q: ListCampaignsQuery): Promise<CampaignPage> {
    return this.campaigns.list(q);
  }

  @Get(':id')
  get(@Param('id', uuidParam) id: string): Promise<Campaign> {
    return this.campaigns.get(id);
  }

  @Get(':id/recipients')
  recipients(
    @Param('id', uuidParam) id: string,
    @Query(new ZodPipe(recipientsQuerySchema)) q: RecipientsQuery,
  ): Promise<RecipientPage> {
    return this.campaigns.recipients(id, q);
  }

  @Get(':id/recipients.csv')
  recipientsCsv(
    @Param('id', uuidParam) id: string,
    @Query(new ZodPipe(exportQuery)) q: z.output<typeof exportQuery>,
    @Res() res: Response,
  ): Promise<void> {
    return sendCsv(
      res,
      `campaign-${id}-${q.status ?? 'all'}.csv`,
      'phone,name,status,attempts,error',
      this.campaigns.allRecipients(id, q.status),
      (r) => [r.phone, csvField(r.name), r.status, r.attempts, csvField(r.error)],
    );
  }

  /** The upload rows left out at creation, for the marketer to fix and send again. */
  @Get(':id/skipped.csv')
  skippedCsv(@Param('id', uuidParam) id: string, @Res() res: Response): Promise<void> {
    return sendCsv(
      res,
      `campaign-${id}-skipped.csv`,
      'row,phone,name,reason',
      this.campaigns.allSkippedRows(id),
      (r) => [r.row, csvField(r.phone), csvField(r.name), csvField(r.reason)],
    );
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(@Param('id', uuidParam) id: string): Promise<Campaign> {
    return this.campaigns.pause(id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@Param('id', uuidParam) id: string): Promise<Campaign> {
    return this.campaigns.resume(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', uuidParam) id: string): Promise<Campaign> {
    return this.campaigns.cancel(id);
  }
}

function campaignRequest(
  req: Request,
  body: unknown,
  file: CsvUpload | undefined,
): { settings: CampaignSettings; recipients: RecipientInput[] } {
  if (!req.is('multipart/form-data')) {
    const { recipients, ...settings } = parseOrThrow(createCampaignSchema, body);
    return { settings, recipients };
  }
  const settings = parseOrThrow(campaignSettingsSchema, body);
  if (!file)
    throw new AppError('validation_failed', 'Attach a CSV file', [{ path: 'file', message: 'a CSV file is required' }]);
  const parsed = file.csv;
  if ('error' in parsed)
    throw new AppError('validation_failed', `The CSV cannot be read: ${parsed.error}`, [
      { path: 'file', message: parsed.error },
    ]);
  const { recipients } = parseOrThrow(createCampaignSchema.pick({ recipients: true }), {
    recipients: parsed.recipients,
  });
  return { settings, recipients };
}
