import { Arg, Mutation, Resolver } from 'type-graphql';
import { Pledge } from './pledge.entity.js';
import { PledgeInput } from './pledge.inputs.js';
import { type PledgeService } from './pledge.service.js';

@Resolver(() => Pledge)
export class PledgeResolver {
  constructor(private readonly pledgeService: PledgeService) {}

  @Mutation(() => Pledge, {
    description: 'Records a pledge. Safe to retry: the same clientKey with the same content counts once.',
  })
  async submitPledge(@Arg('input', () => PledgeInput) input: PledgeInput): Promise<Pledge> {
    const { pledge } = await this.pledgeService.submit(input);
    return pledge;
  }
}
