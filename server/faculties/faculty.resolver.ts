import { Arg, Authorized, Mutation, Query, Resolver } from 'type-graphql';
import { ORGANISERS } from '../common/viewer.js';
import { Faculty } from './faculty.entity.js';
import { FacultyInput } from './faculty.inputs.js';
import { type FacultyService } from './faculty.service.js';

@Resolver(() => Faculty)
export class FacultyResolver {
  constructor(private readonly facultyService: FacultyService) {}

  @Query(() => [Faculty], { description: 'Every faculty, by name.' })
  faculties(): Promise<Faculty[]> {
    return this.facultyService.list();
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Faculty)
  createFaculty(@Arg('input', () => FacultyInput) input: FacultyInput): Promise<Faculty> {
    return this.facultyService.create(input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Faculty)
  updateFaculty(@Arg('slug', () => String) slug: string, @Arg('input', () => FacultyInput) input: FacultyInput): Promise<Faculty> {
    return this.facultyService.update(slug, input);
  }
}
