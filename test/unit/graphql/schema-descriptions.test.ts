import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  isIntrospectionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The committed schema (test/server/schema.test.ts keeps it equal to what the server serves) is
 * what partners and their tools read: every type, field, argument, input field and enum value in
 * it says what it is.
 */
describe('schema/schema.graphql', () => {
  it('describes every type, field, argument and enum value', () => {
    const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
    const undescribed: string[] = [];
    const check = (path: string, description: string | null | undefined) => {
      if (!description?.trim()) undescribed.push(path);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (isSpecifiedScalarType(type) || isIntrospectionType(type)) continue;
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          for (const arg of 'args' in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
    expect(undescribed).toEqual([]);
  });
});
