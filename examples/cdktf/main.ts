// A CDK for Terraform app: one Scalingo PostgreSQL addon, with the typed bindings of
// @scalingo-community/cdktf-provider-scalingo. Change `plan` below, run `cdktf diff` (or
// synthesize and run `terraform plan` in cdktf.out/stacks/database): the plan shows the
// in-place change and the warning about what it does to the database.
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { addon, provider } from '@scalingo-community/cdktf-provider-scalingo';

const plan = 'postgresql-starter-512';

class DatabaseStack extends TerraformStack {
  constructor(scope: Construct, id: string, appId: string) {
    super(scope, id);
    // The API token comes from SCALINGO_API_TOKEN.
    new provider.ScalingoProvider(this, 'scalingo', {});
    const db = new addon.Addon(this, 'db', {
      app: appId,
      providerId: 'postgresql',
      plan,
      timeouts: { update: '1h' },
    });
    new TerraformOutput(this, 'addon_id', { value: db.id });
    new TerraformOutput(this, 'database_version', { value: db.databaseVersion });
  }
}

const app = new App();
new DatabaseStack(app, 'database', process.env['SCALINGO_APP_ID'] ?? 'my-app');
app.synth();
