# shellcheck shell=bash
# `./platform status`: what runs, and where.

cmd_status() {
  print_table
}
