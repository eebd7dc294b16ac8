import { type DataSource, type Repository } from 'typeorm';
import { notFound } from '../common/errors.js';
import { saveUnique } from '../common/unique-save.js';
import { merged, parseInput } from '../common/validation.js';
import { type FacultyInput, facultySchema } from './faculty.inputs.js';
import { Faculty } from './faculty.entity.js';

export class FacultyService {
  private readonly faculties: Repository<Faculty>;

  constructor(dataSource: DataSource) {
    this.faculties = dataSource.getRepository(Faculty);
  }

  list(): Promise<Faculty[]> {
    return this.faculties.find({ order: { name: 'ASC' } });
  }

  find(slug: string): Promise<Faculty | null> {
    return this.faculties.findOneBy({ slug });
  }

  async get(slug: string, field = 'faculty'): Promise<Faculty> {
    const faculty = await this.find(slug);
    if (!faculty) throw notFound(`There is no faculty "${slug}".`, field);
    return faculty;
  }

  getById(id: number): Promise<Faculty> {
    return this.faculties.findOneByOrFail({ id });
  }

  /** Organisers: a new faculty. */
  async create(input: FacultyInput): Promise<Faculty> {
    const values = parseInput(facultySchema, input);
    await saveUnique(() => this.faculties.insert(values), values.slug);
    return this.get(values.slug);
  }

  async update(slug: string, input: FacultyInput): Promise<Faculty> {
    const { id, ...editable } = await this.get(slug, 'slug');
    const values = parseInput(facultySchema, merged(editable, input));
    await saveUnique(() => this.faculties.update({ id }, values), values.slug);
    return this.faculties.findOneByOrFail({ id });
  }
}
