#!/usr/bin/env bash
# The main job: the scenario of Scalingo's "Managing your PostgreSQL addon" page, with the real
# terraform against the embedded Scalingo simulator. Run by `make demo` after the build.
#   1. start the simulator on loopback
#   2. install the built provider in a filesystem mirror, as users do (terraform init works offline)
#   3. terraform init / plan / apply a postgresql-starter-512 addon
#   4. change the plan to postgresql-business-1024: show the plan with its warnings, apply it
#   5. show the final state, stop the simulator
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if ! command -v "${TF_BINARY:-terraform}" >/dev/null 2>&1; then
  cat >&2 <<'MSG'
terraform was not found on PATH (or in $TF_BINARY).
Install Terraform (>= 1.11) from https://developer.hashicorp.com/terraform/install, or OpenTofu
from https://opentofu.org/docs/intro/install/ and run with TF_BINARY=$(command -v tofu).
MSG
  exit 1
fi
tf="${TF_BINARY:-terraform}"
version=$(node -p "require('./package.json').version")
os_arch=$(node -p "({linux:'linux',darwin:'darwin'})[process.platform] + '_' + ({x64:'amd64',arm64:'arm64'})[process.arch]")

demo="$root/.demo"
rm -rf "$demo"
mkdir -p "$demo/work" "$demo/mirror"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Starting the Scalingo simulator (10x faster than the real platform)"
node dist/simulator/main.js --port 0 --speed 10 --state-file "$demo/simulator-state.json" >"$demo/simulator.log" 2>"$demo/simulator.err" &
sim_pid=$!
cleanup() {
  kill "$sim_pid" 2>/dev/null || true
  wait "$sim_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 200); do
  [ -s "$demo/simulator.log" ] && break
  kill -0 "$sim_pid" 2>/dev/null || { cat "$demo/simulator.err" >&2; exit 1; }
  sleep 0.05
done
first=$(head -n 1 "$demo/simulator.log")
field() { node -e "const o = JSON.parse(process.argv[1]); console.log($2)" "$first"; }
sim_url=$(field "$first" 'o.url')
app_id=$(field "$first" 'o.apps[0].id')
app_name=$(field "$first" 'o.apps[0].name')
echo "simulator: $sim_url (PostgreSQL mode: $(field "$first" 'o.postgres')); app $app_name ($app_id)"

step "Installing the provider into a filesystem mirror"
# Our own address (package.json "terraformProvider"); the official provider keeps Scalingo/scalingo.
address=$(node -p "const p = require('./package.json').terraformProvider; [p.hostname, p.namespace, p.type].join('/')")
pkg="$demo/mirror/$address/$version/$os_arch"
mkdir -p "$pkg"
cp dist/bundle/*.cjs dist/bundle/*.cache "$pkg/"
cp dist/bundle/terraform-provider-scalingo "$pkg/terraform-provider-scalingo_v$version"
cat >"$demo/terraformrc" <<CFG
provider_installation {
  filesystem_mirror {
    path    = "$demo/mirror"
    include = ["$address"]
  }
  direct {
    exclude = ["$address"]
  }
}
CFG
echo "$pkg"

export TF_CLI_CONFIG_FILE="$demo/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
export SCALINGO_AUTH_URL="$sim_url"
SCALINGO_API_TOKEN=$(field "$first" 'o.api_token')
export SCALINGO_API_TOKEN
admin_token=$(field "$first" 'o.admin_token')
cp examples/postgresql-plan-change/main.tf "$demo/work/"
cd "$demo/work"

step "terraform init"
"$tf" init -input=false

step "terraform plan: a PostgreSQL addon on postgresql-starter-512"
"$tf" plan -input=false -var "app_id=$app_id" -out=create.tfplan

step "terraform apply"
"$tf" apply -input=false create.tfplan

step "Changing plan = \"postgresql-business-1024\": what will happen?"
"$tf" plan -input=false -var "app_id=$app_id" -var plan=postgresql-business-1024 -out=scale.tfplan

step "terraform apply: returns once the database runs on the new plan"
"$tf" apply -input=false scale.tfplan

step "Final state"
"$tf" state show scalingo_addon.my_db
"$tf" output

step "What the simulator saw: downtime windows of the database"
curl -fsS -H "Authorization: Bearer $admin_token" "$sim_url/_sim/state" | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    for (const d of JSON.parse(s).downtimes) console.log(`${d.kind} for ${d.duration_ms} ms (${d.cause})`);
  });'
echo
echo "Done. The workspace is in $demo/work; the simulator has been stopped."
