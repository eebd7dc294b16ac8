import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets every process of the service must share, made by the first one to start (today the
 * key that seals pagination cursors). Never exposed over the API.
 */
@Entity({ name: 'server_secret' })
export class ServerSecret {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'server_secret_pkey' })
  name!: string;

  /** Base64 of the secret's bytes. */
  @Column({ type: 'text' })
  value!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
