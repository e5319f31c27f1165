from claimcheck.cli import cli

cli()
