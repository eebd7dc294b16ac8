import { Query, Resolver } from 'type-graphql';
import { type Config } from '../common/config.js';

@Resolver()
export class SiteResolver {
  constructor(private readonly config: Pick<Config, 'publicUrl'>) {}

  @Query(() => String, {
    nullable: true,
    description: 'The address students reach the service at (for QR codes), when the server is configured with one.',
  })
  publicUrl(): string | null {
    return this.config.publicUrl ?? null;
  }
}
