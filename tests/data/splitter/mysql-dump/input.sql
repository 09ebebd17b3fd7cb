-- MySQL dump 10.13
--
-- Host: localhost    Database: shop
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;

#
# Table structure for table `orders`
#
DROP TABLE IF EXISTS `orders`;
CREATE TABLE `orders` (
  `id` int NOT NULL AUTO_INCREMENT,
  `note;s` varchar(200) DEFAULT 'n/a;',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

LOCK TABLES `orders` WRITE;
INSERT INTO `orders` VALUES (1,'it\'s; \"quoted\"'),(2,"double \"; quoted"),(3,'back\\');
UNLOCK TABLES;
SELECT 10--2, 3 -- comment; with a space
;
