import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { RealtimeCanary } from './realtime-canary';

@Module({ controllers: [HealthController], providers: [RealtimeCanary] })
export class HealthModule {}
