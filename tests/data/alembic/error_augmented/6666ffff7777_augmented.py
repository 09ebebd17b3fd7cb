"""augmented"""
revision = '6666'
revision += 'ffff7777'
down_revision = None
