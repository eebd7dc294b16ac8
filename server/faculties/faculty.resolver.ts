import { Query, Resolver } from 'type-graphql';
import { Faculty } from './faculty.entity.js';
import { type FacultyService } from './faculty.service.js';

@Resolver(() => Faculty)
export class FacultyResolver {
  constructor(private readonly facultyService: FacultyService) {}

  @Query(() => [Faculty], { description: 'Every faculty, by name.' })
  faculties(): Promise<Faculty[]> {
    return this.facultyService.list();
  }
}
