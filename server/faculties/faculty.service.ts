import { type DataSource, type Repository } from 'typeorm';
import { notFound } from '../graphql/errors.js';
import { Faculty } from './faculty.entity.js';

export class FacultyService {
  private readonly faculties: Repository<Faculty>;

  constructor(dataSource: DataSource) {
    this.faculties = dataSource.getRepository(Faculty);
  }

  list(): Promise<Faculty[]> {
    return this.faculties.find({ order: { name: 'ASC' } });
  }

  async get(slug: string, field = 'faculty'): Promise<Faculty> {
    const faculty = await this.faculties.findOneBy({ slug });
    if (!faculty) throw notFound(`There is no faculty "${slug}".`, field);
    return faculty;
  }
}
