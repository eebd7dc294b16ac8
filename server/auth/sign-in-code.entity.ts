import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ApiToken } from './api-token.entity.js';

/**
 * A one-time code for the first organiser sign-in, printed on the console at a start with no
 * organiser token. Only its SHA-256 is stored; it works once, and only until it expires.
 */
@Entity({ name: 'sign_in_code' })
export class SignInCode {
  @PrimaryGeneratedColumn({ type: 'integer', primaryKeyConstraintName: 'sign_in_code_pkey' })
  id!: number;

  @Index('sign_in_code_code_hash_key', { unique: true })
  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** The organiser token the code was exchanged for. */
  @ManyToOne(() => ApiToken, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'token_id', foreignKeyConstraintName: 'sign_in_code_token_id_fkey' })
  token?: Relation<ApiToken> | null;

  @Column({ name: 'token_id', type: 'integer', nullable: true })
  tokenId!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
