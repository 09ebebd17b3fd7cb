"""unpacking"""
revision, down_revision = '5555eeee6666', None
