# Pillar per environment: what every server shares, the people, then what the environment
# changes. Choose one with --env (or environment: in /etc/agent/agent.yaml).
development:
  '*':
    - common
    - users
    - development
staging:
  '*':
    - common
    - users
    - staging
production:
  '*':
    - common
    - users
    - production
