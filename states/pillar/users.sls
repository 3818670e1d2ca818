# The people: one account on every server. Made by examples/lyft-replay/users.sh 100.
users:
  alicea:
    uid: 2001
    full_name: Alice Adams
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHjdqdmaWzVgNAtCt3X7rFMtV5LuwzwoySym+6xmeYqP alicea@laptop
  bobd:
    uid: 2002
    full_name: Bob Dubois
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAX3MdDqsKY4NdfA3luxc2q6iabU3yN+1uvlFIkNpWL5 bobd@laptop
  carolg:
    uid: 2003
    full_name: Carol Garcia
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBeNVQu8x2qvOZqL6aPFJJuUJR8UUWTdBOgLb/+SSCNs carolg@laptop
  davej:
    uid: 2004
    full_name: Dave Jensen
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICDq8GDBYFumyfjYss+oKSWUqZDNzMJDMhoK1EdbzQSF davej@laptop
  erinm:
    uid: 2005
    full_name: Erin Moreau
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO/1TkRCHmlclw+c90xKnKo1/xxMWfZOlF5vAVR7u90T erinm@laptop
  frankp:
    uid: 2006
    full_name: Frank Petrov
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPsfARPzqZh6RG2XSEhvmwSA9VGqTYfEXagBkue6bD8C frankp@laptop
  graces:
    uid: 2007
    full_name: Grace Schmidt
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA0ok2FMBOOz878bK70+Y8WFwBsV243/1jwZ4DbZQwiT graces@laptop
  heidiv:
    uid: 2008
    full_name: Heidi Varga
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEqDL5+nKnRQhGYmaXGQ4s0L/lGJHiC/D1gkYRCknTGg heidiv@laptop
  ivany:
    uid: 2009
    full_name: Ivan Yilmaz
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHI6Hh0BRoNnFAQPXL3YioJvYtQJmYFpQ9lm/4ciOJi3 ivany@laptop
  judyb:
    uid: 2010
    full_name: Judy Becker
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBELb1lR+1+lM2wMHh161Ej5CpTaqraciOl2QxPW6gFe judyb@laptop
  kevine:
    uid: 2011
    full_name: Kevin Eriksen
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIY8Nt3QCeHANxkp02+YGsBpLS8skKF8s2GQScP8REdY kevine@laptop
  laurah:
    uid: 2012
    full_name: Laura Hansen
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBUp1Q4WQVF6VrfIKmmEIS85Lt9vMoqqzmEqY2YIBYhw laurah@laptop
  malloryk:
    uid: 2013
    full_name: Mallory Kim
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBAR3QCE1WIw6ohtf8hdzCx78y0Zdl7MwUDNUQizk5/4 malloryk@laptop
  nian:
    uid: 2014
    full_name: Nia Nilsson
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJhQ/coi9CLZFeLygihTeHGezqR3DHIGtsw3zZ49SWjz nian@laptop
  oscarr:
    uid: 2015
    full_name: Oscar Reyes
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH6m6QMe3Nk/8ir+tC/+Ik4MYzhXfxGIV0YrWUJ6aPUq oscarr@laptop
  peggyu:
    uid: 2016
    full_name: Peggy Usman
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHylDa6SkATiqPDNmHAYhc34uYpDJMsB8Awv5QEeCYOh peggyu@laptop
  quentiny:
    uid: 2017
    full_name: Quentin Young
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHAS1UoET1UEUw7QCvtpv7YLZTt0U+n46+BXi5GtMDzm quentiny@laptop
  rupertb:
    uid: 2018
    full_name: Rupert Baker
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPI+6n90EqFtzYc3t45jQ9qaFuKc0oGE7nPSZaSzQSbU rupertb@laptop
  sybile:
    uid: 2019
    full_name: Sybil Evans
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINDAgJykJd5FwH/3Y31ThDZWvaOCA4/CEIRByinEuRdB sybile@laptop
  trenth:
    uid: 2020
    full_name: Trent Horvat
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPfLnc2CICIEVsyGF0dLblmOBuhp/3K7VcPaEdrmKNM5 trenth@laptop
  ursulak:
    uid: 2021
    full_name: Ursula Kowalski
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIElLBZzWD44HqnY8Adkd9Ayn62jdAlydtWuRudfOsjMe ursulak@laptop
  victorn:
    uid: 2022
    full_name: Victor Novak
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHBwRHp0uOFmz/cT13VSwOlfG/DCgECIhj5NUFqMW1rV victorn@laptop
  wendyq:
    uid: 2023
    full_name: Wendy Quinn
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDBrJ8gEvcvgcEIFdEfFDed6ZpQF1WONROCbCeMtoie1 wendyq@laptop
  xaviert:
    uid: 2024
    full_name: Xavier Tanaka
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJRYcoJbfXLos+KnhreR+DKAIKcypkGztMotuhYfmJ7 xaviert@laptop
  yvonnew:
    uid: 2025
    full_name: Yvonne Weber
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINCzdH70yF/Zq+YQGid6yjCJD1gnNjGiSULh/85ZwIQS yvonnew@laptop
  zackz:
    uid: 2026
    full_name: Zack Zhang
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH30fX3D9y2m2NpD1K1paoPNXWcZGtlUp6XjYYzahmcA zackz@laptop
  amirc:
    uid: 2027
    full_name: Amir Costa
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFPeORwQP3/UcdyWs/PQyXs2RiXIDTLwzlz49BiKnJu/ amirc@laptop
  biancaf:
    uid: 2028
    full_name: Bianca Ferrari
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrq8W11AM6gnKg5BRQhFkv/h0sfOoD1JMd5xOPu5U54 biancaf@laptop
  cheni:
    uid: 2029
    full_name: Chen Ivanova
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAw4uJOEfS1uvM3Jw7+euWuZWnV06QujEAKjSNij/buP cheni@laptop
  dmitril:
    uid: 2030
    full_name: Dmitri Larsen
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFtqnc41sV5bmrC/75xHWe1ZSAVJYsXZjR+yol8rDvC3 dmitril@laptop
  esthero:
    uid: 2031
    full_name: Esther Olsen
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPS26CJ69STWY0ESCGltJVXY9YYPHyg8AE/Rdjy50vA+ esthero@laptop
  farids:
    uid: 2032
    full_name: Farid Silva
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPRaD1M4Q2fmj/YV+P5EZPiPSO21l3W5GzzHhRWorAub farids@laptop
  gloriav:
    uid: 2033
    full_name: Gloria Vogel
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPhsssd1ByS6sHkP49QmI1Wv8TojDNSIiPiCXjKZqvKx gloriav@laptop
  hiroz:
    uid: 2034
    full_name: Hiro Ziegler
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOo2yd08RTUKhTinHjG28w7PPErBQe58Dcv3jJMrBKmU hiroz@laptop
  ingridc:
    uid: 2035
    full_name: Ingrid Chavez
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBpN2pUFUJzCRc3Z7nP5mqpfk957GivYHUMP/ISVeazl ingridc@laptop
  jonasf:
    uid: 2036
    full_name: Jonas Fischer
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINFMo0qlZ5yO+mkk4HhQgWNUURrxI30QGZF4eDp8OFMN jonasf@laptop
  kirani:
    uid: 2037
    full_name: Kiran Ito
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOFhXZu2Q068J3McnjM4XGute9EJfxPVpcLwhVL7IJqB kirani@laptop
  lenal:
    uid: 2038
    full_name: Lena Lopez
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIPYnTDofvomRCRXNJAV43+FoWoAadPI//57E/mjc6cD lenal@laptop
  marcoo:
    uid: 2039
    full_name: Marco Okafor
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAjo7CjnusCX1IWrwPud1fBIHD6SS0qYzZeCShzpn9LN marcoo@laptop
  nadiar:
    uid: 2040
    full_name: Nadia Rossi
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF94sUp92OAb/Um03QOOhTCk5QkRjhZGMFgVyRTt38a+ nadiar@laptop
  omaru:
    uid: 2041
    full_name: Omar Umarov
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFo2pMvFG2rP1MIzpjBSZuvRvnlu3SoSJeGnFKRYliPD omaru@laptop
  priyax:
    uid: 2042
    full_name: Priya Xu
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIESLw3JwTTOM4/smbB2ejPRzFPS/4txO4bVGoycr9TEB priyax@laptop
  rosaa:
    uid: 2043
    full_name: Rosa Andersen
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIP+//5CDECirSH67uj5Hg6wyqwgt3UuQqtdLg5RuMzwR rosaa@laptop
  samird:
    uid: 2044
    full_name: Samir Dvorak
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHDuKZnsCOPIHgP/Z/k4S1M9v+EAW18CjaaW9Jx0Jjmr samird@laptop
  tamarag:
    uid: 2045
    full_name: Tamara Gomez
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINwP/5glyvLYTwAmHIWrZs19xHwje2dcxiOvKtLZzTYX tamarag@laptop
  umarj:
    uid: 2046
    full_name: Umar Jovanovic
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDEFTwnUlJyh0xLann6iGi7fu3fm9bbA0hVL5W0q6Sl+ umarj@laptop
  veram:
    uid: 2047
    full_name: Vera Meyer
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGqgfRBcsHJd+0KfkDlNWO+DDoAO6uvJ5KqragZBUsTY veram@laptop
  weip:
    uid: 2048
    full_name: Wei Park
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM4ladw8IIJZ+YL2cAPHA+mQdSsffssBBh3xkXDdB/Wa weip@laptop
  yusuft:
    uid: 2049
    full_name: Yusuf Torres
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMJhDAdIhTwxnueXQS6PYaeeMQEX/rOBS1DNEaAkC2y/ yusuft@laptop
  zofiaw:
    uid: 2050
    full_name: Zofia Walsh
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBgCNi66fiWiaDcHIr1OUzBydK/y1/XuasCRcFH+BRWi zofiaw@laptop
  aliceb:
    uid: 2051
    full_name: Alice Baker
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIGWeOw1uUvgJaz/Kzz4j1TVEb5ym8AHeSxLUG7KWi/R aliceb@laptop
  bobe:
    uid: 2052
    full_name: Bob Evans
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOomQWbAF/ComfxMwOBG4sP1orikSqVyL0yKvlyKgOZp bobe@laptop
  carolh:
    uid: 2053
    full_name: Carol Horvat
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMZAHlCvReUEgSdzYLRFPndPdqs6XopveDf8CC3w2wji carolh@laptop
  davek:
    uid: 2054
    full_name: Dave Kowalski
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINqXQxfb3aW7Y4Zkp+yZWTht7taRkuONAeLpqVzfsvd7 davek@laptop
  erinn:
    uid: 2055
    full_name: Erin Novak
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILV6FJZWIDfCfyZhpusWUAjGgwgz9mW7+KUk3JFiUOJR erinn@laptop
  frankq:
    uid: 2056
    full_name: Frank Quinn
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHtWakDuStaEIHv0P/FiItWawbuMTpH053GmoO7UxhRI frankq@laptop
  gracet:
    uid: 2057
    full_name: Grace Tanaka
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEUC++wKQvq3v0zCgKRmsxMUqdrgvQMVjvsGw6SpCi4Y gracet@laptop
  heidiw:
    uid: 2058
    full_name: Heidi Weber
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINWIYUNKQY/PsahQnOQsBaK5dpKykSy9h0frULnWQOyx heidiw@laptop
  ivanz:
    uid: 2059
    full_name: Ivan Zhang
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICvTdkor2ZxB8bVhaYq101AxaCw88CJ1dVU5yHs/cU/T ivanz@laptop
  judyc:
    uid: 2060
    full_name: Judy Costa
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBFLxc+bSTXE2ZWxL4XXYSpRuJOuSnDjLKY1gEBHw8Ox judyc@laptop
  kevinf:
    uid: 2061
    full_name: Kevin Ferrari
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIbzgBvulsyn+cSAjw/hMV8Z1EdfKeuu76XiTVssqaS+ kevinf@laptop
  laurai:
    uid: 2062
    full_name: Laura Ivanova
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA/ZoT6HWP0FTPFql8Bc36QHdk1MPe3SwVRAXSVIibCm laurai@laptop
  malloryl:
    uid: 2063
    full_name: Mallory Larsen
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL3yjLHc2fM6s/ggUZE/1+z1Ax8qtJ1Ef3nS1rVOKBQB malloryl@laptop
  niao:
    uid: 2064
    full_name: Nia Olsen
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILlPbKBer6VxaBzOvH6UuF5r1dk8VZ8ApOWtz+JvCnyY niao@laptop
  oscars:
    uid: 2065
    full_name: Oscar Silva
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG2cI3vAHCmUlNlGgpImw3PVBoVMMYYHd4LnQOEG15cw oscars@laptop
  peggyv:
    uid: 2066
    full_name: Peggy Vogel
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICjv6XPBHfV/Zna2x7pvFOguSsodjGxuM4TpwAkpvVze peggyv@laptop
  quentinz:
    uid: 2067
    full_name: Quentin Ziegler
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPP40ooDRaa9X+6YxK5ljsCJeuK2LN1PzdbDc7WyR4t5 quentinz@laptop
  rupertc:
    uid: 2068
    full_name: Rupert Chavez
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIdGVFfS1H/5uGtrQyVYeQqKfvCDf+a26OXwg1o+RKUi rupertc@laptop
  sybilf:
    uid: 2069
    full_name: Sybil Fischer
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJCZB0EG4qfCjlUW3+QEr+iiPTkQTjTLb6ebwHSZ8xe6 sybilf@laptop
  trenti:
    uid: 2070
    full_name: Trent Ito
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG7hV35LU0StNMCZAhpzVkx3J0S63wePfH6NFFE0Sji4 trenti@laptop
  ursulal:
    uid: 2071
    full_name: Ursula Lopez
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINcE8L1/V9MeW4oNHX4Q5HAc8P5uftLW/RuhABcpI9vf ursulal@laptop
  victoro:
    uid: 2072
    full_name: Victor Okafor
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIjyI1V+hvyL5RuXy1rDnlxBC43zsHkposZFKZTvRSXi victoro@laptop
  wendyr:
    uid: 2073
    full_name: Wendy Rossi
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICoR07in6FcxSjjN7qcfN8rUl2ypE/BufKV642Kd1sWy wendyr@laptop
  xavieru:
    uid: 2074
    full_name: Xavier Umarov
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFTyv0HNLgEqO2rl4YMhOnxtHm55vGrSjPp2U+vom+91 xavieru@laptop
  yvonnex:
    uid: 2075
    full_name: Yvonne Xu
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICBPRmk/FxQb4APKfAb2Gag6aBApJFp7zqQNPQuFqVva yvonnex@laptop
  zacka:
    uid: 2076
    full_name: Zack Andersen
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDhXIzNlWoE7KVKe0vZCPUeQjkqwBV4v0axJnXUXA6iG zacka@laptop
  amird:
    uid: 2077
    full_name: Amir Dvorak
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJt8f4tITi5d8vLlCN0pgIx8Qxm/ih9HiHXn677w0bG8 amird@laptop
  biancag:
    uid: 2078
    full_name: Bianca Gomez
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJu9qs07tFq2b0MRlB4F5js4R1OpnAl8kzZXl8Q1sONU biancag@laptop
  chenj:
    uid: 2079
    full_name: Chen Jovanovic
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPRV4jK8y4tpvvlNuUsnfX1aCLwrhh6IXhRd4ABQqZRl chenj@laptop
  dmitrim:
    uid: 2080
    full_name: Dmitri Meyer
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB/Nb+8VNX9blBv3nibSXnkOsnl9wy6unPIv8IuHBecI dmitrim@laptop
  estherp:
    uid: 2081
    full_name: Esther Park
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPDIEtBAbNDvBNTne9oMiPjHAqt3WAPORCSzQDjsxhFE estherp@laptop
  faridt:
    uid: 2082
    full_name: Farid Torres
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL89AQQM6UKDbVbnNWfG5rlCLI/9lhMwamOIrF5IS1Sl faridt@laptop
  gloriaw:
    uid: 2083
    full_name: Gloria Walsh
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBVLxFRbci/kdaZKLIFBclZcrROgAv4d+ryCeLC08Xo9 gloriaw@laptop
  hiroa:
    uid: 2084
    full_name: Hiro Adams
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHhjhb5UwcAqzjoMNuddyg3GEJ+aqtKkqlCHVSROUO/G hiroa@laptop
  ingridd:
    uid: 2085
    full_name: Ingrid Dubois
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN/PrYzYCPiqJR29ob3IYIMDsf9wfaP+N1PjFesAQO9Q ingridd@laptop
  jonasg:
    uid: 2086
    full_name: Jonas Garcia
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFTHSMlz1OGmD+BpBkBVtCi5VxytzwpXZnJ4bs+A/yEP jonasg@laptop
  kiranj:
    uid: 2087
    full_name: Kiran Jensen
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAqEh2VFmBPTrJ2tA1zOTAAYIOAM5y/XtKz+OzfeoBUe kiranj@laptop
  lenam:
    uid: 2088
    full_name: Lena Moreau
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDbxvbz/8lE4KuAmho2kgrv+UJx2MJWp/7Hdk9EjWRrU lenam@laptop
  marcop:
    uid: 2089
    full_name: Marco Petrov
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILOEid86k11A0ZdCdj4FoTnM6slyQpoSuX00fzXIgj+3 marcop@laptop
  nadias:
    uid: 2090
    full_name: Nadia Schmidt
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEmOW9t1mEuH9NMDhUa9G25Ek9KjGPFp5gP2EHFX10zM nadias@laptop
  omarv:
    uid: 2091
    full_name: Omar Varga
    groups: [developers, admins]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJnW2PHpH4mPGIjROuAHebvr9GXHLzBndmpfWTrbWWAG omarv@laptop
  priyay:
    uid: 2092
    full_name: Priya Yilmaz
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJgmBeoEhM4g8xM6ZvZCNn+kNcTFy2qJKLGjY+mbeVlP priyay@laptop
  rosab:
    uid: 2093
    full_name: Rosa Becker
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPy251vJoJ1Igj87o2bqeX0QnjGIT9BQ06lw68xf1OOS rosab@laptop
  samire:
    uid: 2094
    full_name: Samir Eriksen
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDNa4IFbEwq8UGWXGtIw0ve6gasW5TcCkzbUZ2RD07qy samire@laptop
  tamarah:
    uid: 2095
    full_name: Tamara Hansen
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFFG2Qw9VykVcTb58D9knacMoMwVuyI6yvogCgFluRKA tamarah@laptop
  umark:
    uid: 2096
    full_name: Umar Kim
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB3Gvko/PihpSxzlKkIHwCrnL3Q7ZiCLJ1B8P0zv3MBC umark@laptop
  veran:
    uid: 2097
    full_name: Vera Nilsson
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGA+yKfxeK03jk4yHdbmMZ5DUEqbS0b6gTCnsGjUlNRY veran@laptop
  weir:
    uid: 2098
    full_name: Wei Reyes
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ4b1OWL3CfLmr9MVYshljo/P7awjHFejiu2x5UWKZS8 weir@laptop
  yusufu:
    uid: 2099
    full_name: Yusuf Usman
    groups: [developers, oncall]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJJ57aAjquJJrmcJ+kroZAW3L9+opuKMjmEi0D7qAWXM yusufu@laptop
  zofiay:
    uid: 2100
    full_name: Zofia Young
    groups: [developers]
    keys:
      - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIN44KIwY7Nq7Rsbi6eEXE1F7xkmSwiz9OSs/3+oa+XWX zofiay@laptop
