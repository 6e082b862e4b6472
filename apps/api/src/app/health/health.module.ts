import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { RealtimeCanary } from './realtime-canary';

@Module({ imports: [TerminusModule], controllers: [HealthController], providers: [RealtimeCanary] })
export class HealthModule {}
