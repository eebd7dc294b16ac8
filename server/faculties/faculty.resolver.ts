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
  @Mutation(() => Faculty, { description: 'Organisers: a new faculty.' })
  createFaculty(@Arg('input', () => FacultyInput, { description: 'The new faculty.' }) input: FacultyInput): Promise<Faculty> {
    return this.facultyService.create(input);
  }

  @Authorized(ORGANISERS)
  @Mutation(() => Faculty, { description: 'Organisers: changes a faculty; fields left out stay as they are.' })
  updateFaculty(@Arg('slug', () => String, { description: 'The faculty to change.' }) slug: string, @Arg('input', () => FacultyInput, { description: 'The fields to change.' }) input: FacultyInput): Promise<Faculty> {
    return this.facultyService.update(slug, input);
  }
}
