# Text of several lines is appended whole unless the whole of it is there: a file that ends in
# "fi" still gets "a" and "fi".
append:
  file.append:
    - name: {{ opts['file_roots']['base'][0] }}/files/ends-with-fi.txt
    - text: "a\nfi\n"
